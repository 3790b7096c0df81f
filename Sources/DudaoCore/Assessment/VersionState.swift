/// A version of an indicator system: a draft the office edits, or published and unchangeable.
public enum VersionState: String, LabelledEnum {
    case draft, published

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .published: "已发布"
        }
    }
}
