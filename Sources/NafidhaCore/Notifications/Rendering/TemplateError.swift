/// A template that cannot be parsed or rendered.
struct TemplateError: Error, CustomStringConvertible, Equatable {
    /// What is wrong.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
