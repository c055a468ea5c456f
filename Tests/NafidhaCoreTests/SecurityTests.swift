import NafidhaCore
import Testing
import Transparency

@Suite("Hashing, random bytes and tokens")
struct SecurityTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256MatchesTestVectors() {
        #expect(Hex.encode(SHA256.hash("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hex.encode(SHA256.hash("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Hex.encode(SHA256.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
    }

    @Test("access tokens carry 256 random bits as 43 base64url characters and hash to 32 bytes")
    func accessTokensAreLongRandomAndHashed() {
        let first = AccessToken.generate()
        let second = AccessToken.generate()
        #expect(first.text.count == 43)
        #expect(first.text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(first != second)
        #expect(first.hash.count == 32)
        #expect(first.hash == AccessToken(text: first.text).hash)
    }

    @Test("base64url encodes RFC 4648 test vectors without padding")
    func base64URLMatchesRFC4648() {
        let cases: [(String, String)] = [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ]
        for (input, expected) in cases {
            #expect(Base64URL.encode(Array(input.utf8)) == expected)
        }
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
    }
}
