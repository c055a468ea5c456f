import Testing
import Transparency

/// Ed25519 through OpenSSL's libcrypto, checked on RFC 8032 §7.1's test vectors and RFC 8410 §10.3's key file.
@Suite("Ed25519 signatures")
struct Ed25519Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let secretKey: String
        let publicKey: String
        let message: String
        let signature: String
        var testDescription: String { name }
    }

    /// RFC 8032 §7.1, TEST 1, 2 and 3.
    static let rfc8032: [Vector] = [
        Vector(
            name: "TEST 1", secretKey: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", message: "",
            signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ),
        Vector(
            name: "TEST 2", secretKey: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", message: "72",
            signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
        Vector(
            name: "TEST 3", secretKey: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", message: "af82",
            signature: "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        ),
    ]

    @Test("signs the RFC 8032 §7.1 vectors exactly, and verifies them", arguments: rfc8032)
    func rfc8032Vectors(vector: Vector) throws {
        let key = try Ed25519PrivateKey(rawRepresentation: TestBytes.hex(vector.secretKey))
        #expect(TestBytes.hex(key.publicKey.rawRepresentation) == vector.publicKey)
        let message = TestBytes.hex(vector.message)
        let signature = try key.signature(for: message)
        #expect(TestBytes.hex(signature) == vector.signature)
        let publicKey = try Ed25519PublicKey(rawRepresentation: TestBytes.hex(vector.publicKey))
        #expect(publicKey.isValidSignature(TestBytes.hex(vector.signature), for: message))
    }

    @Test("a tampered message, signature or key fails to verify", arguments: rfc8032)
    func tampering(vector: Vector) throws {
        let publicKey = try Ed25519PublicKey(rawRepresentation: TestBytes.hex(vector.publicKey))
        let message = TestBytes.hex(vector.message)
        let signature = TestBytes.hex(vector.signature)
        #expect(!publicKey.isValidSignature(signature, for: message + [0x00]), "message extended")
        if !message.isEmpty {
            var changed = message
            changed[0] ^= 0x01
            #expect(!publicKey.isValidSignature(signature, for: changed), "message bit flipped")
        }
        for index in [0, 31, 32, 63] {
            var changed = signature
            changed[index] ^= 0x01
            #expect(!publicKey.isValidSignature(changed, for: message), "signature byte \(index) flipped")
        }
        #expect(!publicKey.isValidSignature(signature.dropLast(), for: message), "signature truncated")
        #expect(!publicKey.isValidSignature(signature + [0], for: message), "signature extended")
        #expect(!publicKey.isValidSignature([], for: message), "no signature")
        for other in Self.rfc8032 where other.publicKey != vector.publicKey {
            let otherKey = try Ed25519PublicKey(rawRepresentation: TestBytes.hex(other.publicKey))
            #expect(!otherKey.isValidSignature(signature, for: message), "another key")
        }
        var changedKey = TestBytes.hex(vector.publicKey)
        changedKey[5] ^= 0x40
        if let otherKey = try? Ed25519PublicKey(rawRepresentation: changedKey) {
            #expect(!otherKey.isValidSignature(signature, for: message), "key bit flipped")
        }
    }

    @Test("raw keys have exactly 32 bytes")
    func rawKeyLengths() {
        for count in [0, 31, 33, 64] {
            let bytes = [UInt8](repeating: 7, count: count)
            let privateError = #expect(throws: SigningError.self) { try Ed25519PrivateKey(rawRepresentation: bytes) }
            #expect(privateError?.isWrongKeyLength == true)
            let publicError = #expect(throws: SigningError.self) { try Ed25519PublicKey(rawRepresentation: bytes) }
            #expect(publicError?.isWrongKeyLength == true)
        }
    }

    @Test("a generated key signs, verifies, exports and imports its raw bytes; two keys differ")
    func generatedKeys() throws {
        let key = try Ed25519PrivateKey.generate()
        let message = Array("decision 2027-000123 approved".utf8)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        let imported = try Ed25519PrivateKey(rawRepresentation: key.rawRepresentation)
        #expect(imported.publicKey == key.publicKey)
        #expect(try imported.signature(for: message) == signature, "Ed25519 is deterministic")
        let publicKey = try Ed25519PublicKey(rawRepresentation: key.publicKey.rawRepresentation)
        #expect(publicKey.isValidSignature(signature, for: message))
        #expect(try Ed25519PrivateKey.generate().rawRepresentation != key.rawRepresentation)
    }

    /// RFC 8410 §10.3's example private key; its public key is §10.1's example.
    static let rfc8410PEM = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
        -----END PRIVATE KEY-----

        """

    @Test("reads RFC 8410's PKCS#8 example and writes it back byte for byte")
    func rfc8410KeyFile() throws {
        let key = try Ed25519PrivateKey(pem: Self.rfc8410PEM)
        #expect(
            TestBytes.hex(key.rawRepresentation) == "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")
        let spki = TestBytes.base64("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=")
        #expect(key.publicKey.rawRepresentation == Array(spki.suffix(32)))
        #expect(try key.pemEncoded() == Self.rfc8410PEM)
    }

    @Test("a PEM round trip keeps the key")
    func pemRoundTrip() throws {
        let key = try Ed25519PrivateKey.generate()
        let pem = try key.pemEncoded()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n") && pem.hasSuffix("-----END PRIVATE KEY-----\n"))
        #expect(try Ed25519PrivateKey(pem: pem).rawRepresentation == key.rawRepresentation)
    }

    @Test("refuses PEM text that is not an unencrypted Ed25519 private key, without prompting for a passphrase")
    func malformedPEM() {
        let body = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC"
        let refused = [
            "",
            "not a key",
            "-----BEGIN PRIVATE KEY-----\n\(body.dropLast(4))\n-----END PRIVATE KEY-----\n",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
                + "-----END PUBLIC KEY-----\n",
            // RFC 7468 §11's example of an encrypted PKCS#8 key.
            """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIHNMEAGCSqGSIb3DQEFDTAzMBsGCSqGSIb3DQEFDDAOBAghhICA6T/51QICCAAw
            FAYIKoZIhvcNAwcECBCxDgvI59i9BIGIY3CAqlMNBgaSI5QiiWVNJ3IpfLnEiEsW
            Z0JIoHyRmKK/+cr9QPLnzxImm0TR9s4JrG3CilzTWvb0jIvbG3hu0zyFPraoMkap
            8eRzWsIvC5SVel+CSjoS2mVS87cyjlD+txrmrXOVYDE+eTgMLbrLmsWh3QkCTRtF
            QC7k0NNzUHTV9yGDwfqMbw==
            -----END ENCRYPTED PRIVATE KEY-----

            """,
            String(repeating: "A", count: Ed25519PrivateKey.maximumPEMSize + 1),
        ]
        for text in refused {
            #expect(throws: SigningError.malformedPEM) { try Ed25519PrivateKey(pem: text) }
        }
    }

    /// A P-256 key (made with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`, test data only).
    @Test("refuses a private key of another algorithm")
    func otherAlgorithm() {
        let p256 = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrPjk53VQQyNWcHTf
            db1xtFlaXpfr3wNtKanTpi8QvxOhRANCAAQ5OdaXe4n9nMaSRccnSqRP4LajiBgf
            jougB7auH+SJgxXNQtd5An/AdtyfyohUzOS+RSaboDAuDYyKOnnDkdkA
            -----END PRIVATE KEY-----

            """
        #expect(throws: SigningError.notEd25519) { try Ed25519PrivateKey(pem: p256) }
    }
}
