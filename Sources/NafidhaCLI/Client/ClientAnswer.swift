/// A server's answer as the client read it: status, header fields (names lower-cased) and body.
struct ClientAnswer {
    var status: Int
    var body: [UInt8]
    var headers: [(name: String, value: String)] = []

    /// The first field named `name` (any case).
    func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }
}
