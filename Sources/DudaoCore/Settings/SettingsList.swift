/// A list a district types on the settings page (problem and complaint categories, document checklists): items
/// separated by "、" or by lines, trimmed, each once, in the order typed.
public struct SettingsList: Sendable {
    public let maxItems: Int
    public let maxLength: Int

    public init(maxItems: Int, maxLength: Int) {
        self.maxItems = maxItems
        self.maxLength = maxLength
    }

    /// Categories: at most 30, each at most 10 characters.
    public static let categories = SettingsList(maxItems: 30, maxLength: 10)
    /// Document checklists: at most 40 items, each at most 20 characters.
    public static let documents = SettingsList(maxItems: 40, maxLength: 20)

    /// The items of `text`; nil when there are none, too many, or one is too long.
    public func parse(_ text: String) -> [String]? {
        let items = text.split(whereSeparator: { "、\n".contains($0) }).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
        var seen = Set<String>()
        let unique = items.filter { seen.insert($0).inserted }
        guard !unique.isEmpty, unique.count <= maxItems, unique.allSatisfy({ $0.count <= maxLength }) else {
            return nil
        }
        return unique
    }

    /// The list as stored.
    public static func stored(_ items: [String]) -> String { items.joined(separator: "、") }
}
