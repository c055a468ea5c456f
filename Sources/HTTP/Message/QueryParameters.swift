/// The decoded parameters of a query string, in order, with repeated names kept.
public struct QueryParameters: Sendable, Equatable {
    struct Parameter: Sendable, Equatable {
        var name: String
        var value: String
    }

    private var parameters: [Parameter]

    /// Creates an empty set of parameters.
    public init() {
        parameters = []
    }

    /// Creates parameters holding `pairs` in the given order.
    public init(_ pairs: [(name: String, value: String)]) {
        parameters = pairs.map { Parameter(name: $0.name, value: $0.value) }
    }

    /// Whether there is no parameter.
    public var isEmpty: Bool { parameters.isEmpty }

    /// The number of parameters, repeated names included.
    public var count: Int { parameters.count }

    /// The first value of the parameter `name` (case-sensitive), or nil.
    public subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Every value of the parameter `name` (case-sensitive), in order.
    public func all(_ name: String) -> [String] {
        parameters.compactMap { $0.name == name ? $0.value : nil }
    }

    mutating func append(name: String, value: String) {
        parameters.append(Parameter(name: name, value: value))
    }
}

extension QueryParameters: Sequence {
    /// Iterates over the parameters in order.
    public struct Iterator: IteratorProtocol {
        private var base: IndexingIterator<[Parameter]>

        init(_ parameters: [Parameter]) {
            base = parameters.makeIterator()
        }

        /// The next parameter, or nil at the end.
        public mutating func next() -> (name: String, value: String)? {
            base.next().map { (name: $0.name, value: $0.value) }
        }
    }

    /// An iterator over the parameters in order.
    public func makeIterator() -> Iterator {
        Iterator(parameters)
    }
}
