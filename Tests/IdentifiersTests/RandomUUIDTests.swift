import Foundation
import Identifiers
import Testing

@Suite struct RandomUUIDTests {
    @Test func formatsBytesAsLowercaseGroupsOfEightFourFourFourTwelve() {
        let bytes: [UInt8] = Array(0..<16).map { UInt8($0 * 17) }
        #expect(RandomUUID.format(bytes) == "00112233-4455-6677-8899-aabbccddeeff")
    }

    @Test func stringsAreVersionFourRFC4122UUIDsFoundationAccepts() throws {
        for _ in 0..<600 {  // more than two refills of the pool
            let text = RandomUUID.string()
            let parsed = try #require(UUID(uuidString: text), "\(text) is not a UUID")
            #expect(parsed.uuidString.lowercased() == text)
            let characters = Array(text)
            #expect(characters[14] == "4", "version nibble in \(text)")
            #expect("89ab".contains(characters[19]), "variant nibble in \(text)")
            #expect(text == text.lowercased())
        }
    }

    @Test func noUUIDRepeatsAcrossThreadsAndRefills() async {
        let perTask = 3_000, tasks = 8
        let all = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<tasks {
                group.addTask { (0..<perTask).map { _ in RandomUUID.string() } }
            }
            var collected: [String] = []
            for await batch in group { collected += batch }
            return collected
        }
        #expect(all.count == perTask * tasks)
        #expect(Set(all).count == all.count)
    }

    @Test func bytesAreNotAllTheSame() {
        // 4,000 draws: every one of the 16 positions (version and variant bits aside) must vary.
        let draws = (0..<4_000).map { _ in RandomUUID.bytes() }
        for position in 0..<16 {
            let values = Set(draws.map { $0[position] })
            #expect(values.count > 3, "byte \(position) took \(values.count) values")
        }
    }
}
