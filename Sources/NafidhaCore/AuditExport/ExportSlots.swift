import Synchronization

/// A counter of streaming exports with a ceiling; a slot is a value whose release gives its place back.
final class ExportSlots: Sendable {
    private let limit: Int
    private let taken = Mutex(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// A slot, or nil when every one is taken.
    func take() -> Slot? {
        let granted = taken.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        return granted ? Slot(owner: self) : nil
    }

    /// One place among the streaming exports, held for as long as this value lives.
    final class Slot: Sendable {
        private let owner: ExportSlots

        init(owner: ExportSlots) {
            self.owner = owner
        }

        deinit {
            owner.taken.withLock { $0 -= 1 }
        }
    }
}
