import DudaoCore
import Foundation

/// The form for one node of a draft: a new node under a parent, or an existing node to change. Its fields are
/// the spreadsheet's columns, read by the same parser.
struct SystemNodeForm: Sendable {
    let id: Int
    let systemName: String
    let version: Int
    /// The code of the node being changed; nil for a new node.
    let original: String?
    let values: [String: String]
    let errors: [String]
    /// Where a node may hang: every node but itself and its subtree (a leaf given children must lose its form,
    /// which the draft's problems say).
    let parents: [(code: String, title: String)]
    let bands: [String]

    static func make(
        id: Int, version: Int, system: IndicatorSystem, original: String?, values: [String: String],
        errors: [String] = []
    ) -> SystemNodeForm {
        let excluded = original.map(system.subtree) ?? []
        return SystemNodeForm(
            id: id, systemName: system.name, version: version, original: original, values: values, errors: errors,
            parents: system.nodes.filter { !excluded.contains($0.code) }.map { ($0.code, $0.title) },
            bands: system.bands.map(\.label))
    }

    /// The form for a new node under `parent`, with a suggested code (the parent's code and the next number).
    static func new(id: Int, version: Int, system: IndicatorSystem, parent: String?) -> SystemNodeForm {
        let siblings = system.children(of: parent).count
        let code = (parent.map { $0 + "." } ?? "") + String(siblings + 1)
        var values = ["parent": parent ?? "", "code": code, "form": parent == nil ? "" : "是否"]
        if system.nodes.contains(where: { $0.code == code }) { values["code"] = "" }
        return make(id: id, version: version, system: system, original: nil, values: values)
    }
}
