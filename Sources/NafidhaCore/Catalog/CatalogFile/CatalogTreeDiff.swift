import NafidhaContract

/// The members that differ between two JSON trees of one thing, each with its path inside the thing and its value
/// before and after: `names.fr`, `fees[LY].amount_minor`, `workflow[2].steps[1].office`. Arrays of objects that
/// carry an identity (`code`, `country`, `date`, `stage`, `step` first) are compared element by element, matched by
/// it, and a change of their order is one detail (`fields (order)`); other arrays and values are compared whole.
enum CatalogTreeDiff {
    /// What differs from `before` to `after`.
    static func details(_ before: JSONTree, _ after: JSONTree) -> [Catalog.Detail] {
        var details: [Catalog.Detail] = []
        compare(before, after, at: "", into: &details)
        return details
    }

    private static let identities: Set<String> = ["code", "country", "date", "stage", "step"]

    private static func compare(
        _ before: JSONTree?, _ after: JSONTree?, at path: String, into details: inout [Catalog.Detail]
    ) {
        guard before != after else { return }
        if case .object(let old)? = before, case .object(let new)? = after {
            var keys = new.map(\.key)
            keys += old.map(\.key).filter { !keys.contains($0) }
            for key in keys {
                compare(before?[key], after?[key], at: join(path, key), into: &details)
            }
            return
        }
        if case .array(let old)? = before, case .array(let new)? = after, let oldItems = identified(old),
            let newItems = identified(new)
        {
            let oldIDs = oldItems.map(\.id)
            let newIDs = newItems.map(\.id)
            for item in newItems {
                compare(oldItems.first { $0.id == item.id }?.tree, item.tree, at: "\(path)[\(item.id)]", into: &details)
            }
            for item in oldItems where !newIDs.contains(item.id) {
                compare(item.tree, nil, at: "\(path)[\(item.id)]", into: &details)
            }
            if newIDs.filter(oldIDs.contains) != oldIDs.filter(newIDs.contains) {
                details.append(
                    Catalog.Detail(
                        path: path + " (order)", before: JSONTree.array(oldIDs.map(JSONTree.string)).compactText,
                        after: JSONTree.array(newIDs.map(JSONTree.string)).compactText))
            }
            return
        }
        details.append(Catalog.Detail(path: path, before: before?.compactText, after: after?.compactText))
    }

    /// The elements with their identity, when every element is an object starting with an identity member and no
    /// identity repeats.
    private static func identified(_ elements: [JSONTree]) -> [(id: String, tree: JSONTree)]? {
        var items: [(id: String, tree: JSONTree)] = []
        for element in elements {
            guard case .object(let members) = element, let first = members.first, identities.contains(first.key)
            else { return nil }
            switch first.value {
            case .string(let id), .number(let id): items.append((id, element))
            default: return nil
            }
        }
        return Set(items.map(\.id)).count == items.count && !items.isEmpty ? items : nil
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }
}
