/// What a visit photo shows: the visit as a whole, one of its problems, or one of its observations. The photo form
/// sends it as one value ("", "problem:12", "observation:7").
public enum PhotoSubject: Sendable, Equatable, Hashable {
    case visit
    case problem(Int)
    case observation(Int)

    /// nil for a value no form offers (the caller refuses it).
    public init?(formValue: String) {
        let parts = formValue.split(separator: ":", omittingEmptySubsequences: false)
        if formValue.isEmpty {
            self = .visit
            return
        }
        guard parts.count == 2, let id = Int(parts[1]), id > 0, parts[1].allSatisfy(\.isASCII) else { return nil }
        switch parts[0] {
        case "problem": self = .problem(id)
        case "observation": self = .observation(id)
        default: return nil
        }
    }

    public var formValue: String {
        switch self {
        case .visit: ""
        case .problem(let id): "problem:\(id)"
        case .observation(let id): "observation:\(id)"
        }
    }

    /// The subject of a stored photo.
    public init(problemID: Int?, observationID: Int?) {
        self = problemID.map(PhotoSubject.problem) ?? observationID.map(PhotoSubject.observation) ?? .visit
    }

    public var problemID: Int? {
        if case .problem(let id) = self { return id }
        return nil
    }

    public var observationID: Int? {
        if case .observation(let id) = self { return id }
        return nil
    }
}
