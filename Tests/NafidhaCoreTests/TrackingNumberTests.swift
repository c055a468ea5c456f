import NafidhaCore
import Testing

@Suite("Tracking numbers")
struct TrackingNumberTests {
    @Test("generated numbers carry the municipality, read in groups of four and pass their check")
    func generatedNumbersAreWellFormed() throws {
        let pattern = try Regex("^TRP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
        var seen: Set<String> = []
        for _ in 0..<500 {
            let number = TrackingNumber.generate(municipality: "TRP")
            #expect(try pattern.wholeMatch(in: number) != nil, "\(number)")
            #expect(TrackingNumber.isWellFormed(number), "\(number)")
            seen.insert(number)
        }
        #expect(seen.count == 500)
    }

    @Test("changing any one character breaks the check")
    func everySingleSubstitutionIsCaught() {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        for _ in 0..<20 {
            let number = Array(TrackingNumber.generate(municipality: "BEN"))
            for position in [4, 5, 6, 7, 9, 10, 11, 12] {
                for replacement in alphabet where replacement != number[position] {
                    var altered = number
                    altered[position] = replacement
                    #expect(!TrackingNumber.isWellFormed(String(altered)))
                }
            }
        }
    }

    @Test("swapping two different neighbours, the check character included, is caught")
    func neighbourSwapsAreCaught() {
        var caught = 0
        var swaps = 0
        for _ in 0..<50 {
            let number = Array(TrackingNumber.generate(municipality: "SEB"))
            for position in [4, 5, 6, 9, 10, 11] where number[position] != number[position + 1] {
                var altered = number
                altered.swapAt(position, position + 1)
                swaps += 1
                if !TrackingNumber.isWellFormed(String(altered)) { caught += 1 }
            }
        }
        #expect(caught == swaps)
    }

    @Test(
        "malformed numbers are refused before any lookup",
        arguments: [
            "", "TRP", "TRP-7KQ4M2XD", "trp-7KQ4-M2XD", "TRP-7KQ4-M2X", "TRP-7KQ4-M2XDD", "TRP_7KQ4-M2XD",
            "TRP-7KQ4-M2XU", "TRP-IKQ4-M2XD", "TR1-7KQ4-M2XD", "ТRP-7KQ4-M2XD",
        ])
    func malformedNumbersAreRefused(text: String) {
        #expect(!TrackingNumber.isWellFormed(text))
    }
}
