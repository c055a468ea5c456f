import NafidhaContract

/// Why a catalog file was not applied.
public enum CatalogFileError: Error, Sendable, CustomStringConvertible {
    /// The file has problems (every one found, in file order; `more` beyond those kept). Nothing was applied.
    case invalid([CatalogProblem], more: Int)
    /// The file is larger than `CatalogFile.maximumBytes`.
    case tooLarge(bytes: Int)
    /// Another apply held the catalog for longer than the lock timeout. Nothing was applied.
    case busy

    /// In English, for logs.
    public var description: String {
        switch self {
        case .invalid(let problems, let more):
            "the catalog file has \(problems.count + more) problems: "
                + problems.prefix(3).map(\.description).joined(separator: "; ")
        case .tooLarge(let bytes): "the catalog file is \(bytes) bytes, over \(CatalogFile.maximumBytes)"
        case .busy: "another catalog apply is in progress"
        }
    }

    /// The contract's error for it (`catalog_invalid`, `catalog_too_large`, `catalog_busy`), without the list of
    /// problems, which the API adds to the answer and the CLI prints one per line.
    public var nafidhaError: NafidhaError {
        switch self {
        case .invalid: NafidhaError(.catalogInvalid)
        case .tooLarge: NafidhaError(.catalogTooLarge)
        case .busy: NafidhaError(.catalogBusy)
        }
    }
}
