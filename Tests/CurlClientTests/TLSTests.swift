import CurlClient
import TestSupport
import Testing

/// TLS verification is on by default and only the configured CA or an explicit opt-out gets past it.
@Suite(.serialized, .timeLimit(.minutes(1)), .enabled(if: TLSFixture.opensslPath != nil, "openssl CLI not installed"))
struct TLSTests {
    @Test func untrustedCertificateFailsVerificationByDefault() throws {
        let fixture = try TLSFixture()
        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: fixture.baseURL + "/"), options: Fixtures.options())
        }
        #expect(error?.kind == .tls)
    }

    @Test func configuredCATrustsTheServer() throws {
        let fixture = try TLSFixture()
        let options = Fixtures.options { $0.caCertPath = fixture.caPath }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: fixture.baseURL + "/"), options: options)
        #expect(response.status == 200)
        #expect(response.timings.tlsHandshake > 0)
    }

    @Test func insecureSkipsVerification() throws {
        let fixture = try TLSFixture()
        let options = Fixtures.options { $0.insecure = true }
        let response = try CurlSession().perform(HTTPRequest(method: "GET", url: fixture.baseURL + "/"), options: options)
        #expect(response.status == 200)
    }

    @Test func wrongCAStillFails() throws {
        let trusted = try TLSFixture()
        let other = try TLSFixture()
        let options = Fixtures.options { $0.caCertPath = other.caPath }
        let error = #expect(throws: TransportError.self) {
            try CurlSession().perform(HTTPRequest(method: "GET", url: trusted.baseURL + "/"), options: options)
        }
        #expect(error?.kind == .tls)
    }
}
