import Foundation
import Synchronization

/// Text written straight to a file descriptor (standard output or standard error).
public struct FileDescriptorOutput: TextOutput {
    private let handle: FileHandle

    /// The process's standard output.
    public static var standardOutput: FileDescriptorOutput { FileDescriptorOutput(handle: .standardOutput) }
    /// The process's standard error.
    public static var standardError: FileDescriptorOutput { FileDescriptorOutput(handle: .standardError) }

    /// Writes the text's UTF-8 bytes; a closed descriptor loses the text rather than crashing the command.
    public func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// Text collected in memory, for tests and for callers that post-process a command's output.
public final class TextBuffer: TextOutput {
    private let storage = Mutex("")

    /// An empty buffer.
    public init() {}

    /// Appends `text`.
    public func write(_ text: String) {
        storage.withLock { $0 += text }
    }

    /// Everything written so far.
    public var text: String {
        storage.withLock { $0 }
    }
}
