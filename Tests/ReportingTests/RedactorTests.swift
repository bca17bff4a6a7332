import Foundation
import Reporting
import Testing

@Suite struct RedactorTests {
    @Test(arguments: [
        ("authorization header", "Authorization: Bearer abc.def\nnext", "Authorization: [REDACTED]\nnext"),
        ("transcript arrow", "> authorization: NTLM xyz", "> authorization: [REDACTED]"),
        ("proxy authorization", "Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: [REDACTED]"),
        ("cookie", "Cookie: a=b; c=d", "Cookie: [REDACTED]"),
        ("set-cookie", "< Set-Cookie: s=1; HttpOnly", "< Set-Cookie: [REDACTED]"),
        ("bearer inline", "sent Bearer abc.def today", "sent Bearer [REDACTED] today"),
        ("bearer lower case", "bearer abc", "bearer [REDACTED]"),
        ("basic inline", "header Basic dXNlcjpwYXNz=", "header Basic [REDACTED]"),
        ("basic as a word kept", "Basic auth is off", "Basic auth is off"),
        ("jwt", "token " + Fixtures.jwt + " end", "token [REDACTED] end"),
        ("jwt three parts", "x=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl;", "x=[REDACTED];"),
        ("jwt in json", #"{"access_token":""# + Fixtures.jwt + #""}"#, #"{"access_token":"[REDACTED]"}"#),
        ("nothing secret", "GET /me/profile/positions", "GET /me/profile/positions"),
    ])
    func patterns(_ row: (label: String, input: String, expected: String)) {
        #expect(Redactor.redact(row.input) == row.expected, "\(row.label)")
    }

    @Test func listedSecretsLongestFirst() {
        let text = "key=hunter2-extended and hunter2"
        #expect(Redactor.redact(text, secrets: ["hunter2", "hunter2-extended", ""])
            == "key=[REDACTED] and [REDACTED]")
    }
}
