/// Editing a draft's tree one node at a time. Each edit keeps parents before children.
extension IndicatorSystem {
    public enum EditError: Error, Equatable, CustomStringConvertible {
        case duplicateCode(String)
        case missingParent(String)
        case parentInsideItself
        case unknownNode(String)

        public var description: String {
            switch self {
            case .duplicateCode(let c): "编码 \(c) 已被其他指标使用"
            case .missingParent(let c): "上级编码 \(c) 不存在"
            case .parentInsideItself: "不能把指标移到它自己或它的下级之下"
            case .unknownNode(let c): "指标 \(c) 不存在（可能已被删除）"
            }
        }
    }

    /// The codes of a node and everything under it.
    public func subtree(of code: String) -> Set<String> {
        var found: Set<String> = [code]
        for node in nodes where node.parent.map(found.contains) ?? false { found.insert(node.code) }
        return found
    }

    /// Adds `node` (at the end of its parent's children) or, with `replacing`, changes that node in place;
    /// a changed code carries its children along.
    public func saving(_ node: IndicatorNode, replacing old: String?) throws(EditError) -> IndicatorSystem {
        var copy = self
        if let parent = node.parent, !nodes.contains(where: { $0.code == parent }) { throw .missingParent(parent) }
        if node.code != old, nodes.contains(where: { $0.code == node.code }) { throw .duplicateCode(node.code) }
        if let old {
            guard let index = nodes.firstIndex(where: { $0.code == old }) else { throw .unknownNode(old) }
            if let parent = node.parent, subtree(of: old).contains(parent) { throw .parentInsideItself }
            copy.nodes[index] = node
            for i in copy.nodes.indices where copy.nodes[i].parent == old { copy.nodes[i].parent = node.code }
            if node.parent != nodes[index].parent {
                // Moved: take the subtree out and put it after its new parent's last descendant.
                let moving = copy.subtree(of: node.code)
                let block = copy.nodes.filter { moving.contains($0.code) }
                copy.nodes.removeAll { moving.contains($0.code) }
                copy.nodes.insert(contentsOf: block, at: copy.insertionIndex(under: node.parent))
            }
        } else {
            copy.nodes.insert(node, at: copy.insertionIndex(under: node.parent))
        }
        return copy
    }

    /// Removes a node and everything under it.
    public func removing(_ code: String) throws(EditError) -> IndicatorSystem {
        guard nodes.contains(where: { $0.code == code }) else { throw .unknownNode(code) }
        var copy = self
        let gone = subtree(of: code)
        copy.nodes.removeAll { gone.contains($0.code) }
        return copy
    }

    /// Where a new last child of `parent` goes: after the parent's last descendant (or at the end for 一级).
    func insertionIndex(under parent: String?) -> Int {
        guard let parent else { return nodes.count }
        let family = subtree(of: parent)
        return (nodes.lastIndex { family.contains($0.code) } ?? nodes.count - 1) + 1
    }
}
