import ArgumentParsing
import Foundation

/// ANSI colour, used only when standard output is a terminal and neither `NO_COLOR` (any non-empty value, see
/// no-color.org) nor `TERM=dumb` says otherwise.
struct TerminalStyle {
    let colour: Bool

    /// Decides for `context`: in-memory outputs (tests, pipes captured by callers) never get colour.
    init(context: CommandContext) {
        let noColour = !(context.environment["NO_COLOR"] ?? "").isEmpty || context.environment["TERM"] == "dumb"
        colour = !noColour && context.standardOutput is FileDescriptorOutput && isatty(STDOUT_FILENO) == 1
    }

    init(colour: Bool) {
        self.colour = colour
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
