/// A catalog value the database returned in a shape the code cannot read (a bug, not bad input).
struct CatalogDataError: Error, CustomStringConvertible {
    let column: String
    let value: String

    var description: String { "catalog column \(column) holds \(value), which does not read as expected" }
}
