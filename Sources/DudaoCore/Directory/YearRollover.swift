/// Carrying the responsible-inspector assignments into a new school year in one step (issue 9, item 8): every
/// current assignment is proposed to be kept, moved or ended, with the reason; the office reviews the table (and
/// may change any row) before it is applied.
public enum YearRollover {
    /// An inspector who holds or could take schools.
    public struct Holder: Sendable, Equatable {
        public let id: Int
        public let name: String
        public let active: Bool
        /// The end of the current term of appointment; nil when none is recorded.
        public let termEnd: Day?
        public let duties: [InspectorDuty]
        /// Schools held now.
        public let load: Int

        public init(id: Int, name: String, active: Bool, termEnd: Day?, duties: [InspectorDuty], load: Int) {
            self.id = id
            self.name = name
            self.active = active
            self.termEnd = termEnd
            self.duties = duties
            self.load = load
        }
    }

    /// A current assignment.
    public struct Current: Sendable, Equatable {
        public let assignmentID: Int
        public let schoolID: Int
        public let schoolName: String
        public let schoolOpen: Bool
        public let inspectorID: Int

        public init(assignmentID: Int, schoolID: Int, schoolName: String, schoolOpen: Bool, inspectorID: Int) {
            self.assignmentID = assignmentID
            self.schoolID = schoolID
            self.schoolName = schoolName
            self.schoolOpen = schoolOpen
            self.inspectorID = inspectorID
        }
    }

    public enum Action: Sendable, Equatable, Hashable {
        case keep
        case move(to: Int)
        case end

        /// As a form sends it: "keep", "end", "move:12".
        public var formValue: String {
            switch self {
            case .keep: "keep"
            case .end: "end"
            case .move(let id): "move:\(id)"
            }
        }

        public init?(formValue text: String) {
            switch text {
            case "keep": self = .keep
            case "end": self = .end
            default:
                guard text.hasPrefix("move:"), let id = Int(text.dropFirst(5)), id > 0 else { return nil }
                self = .move(to: id)
            }
        }
    }

    public struct Proposal: Sendable, Equatable {
        public let current: Current
        public let action: Action
        /// Why the assignment is not simply kept (empty when it is).
        public let reason: String
    }

    /// Whether `h` may hold a school in the year starting `yearStart`.
    public static func eligible(_ h: Holder, yearStart: Day, specialMayBeResponsible: Bool) -> Bool {
        reasonToLeave(h, yearStart: yearStart, specialMayBeResponsible: specialMayBeResponsible) == nil
    }

    /// Why `h` cannot go on holding a school, or nil.
    static func reasonToLeave(_ h: Holder?, yearStart: Day, specialMayBeResponsible: Bool) -> String? {
        guard let h else { return "督学不在本区名录中" }
        if !h.active { return "\(h.name)已离任" }
        if let end = h.termEnd, end < yearStart { return "\(h.name)聘期至\(end.chinese)结束" }
        if !specialMayBeResponsible, h.duties.contains(.special) { return "\(h.name)是特约督学，本区不安排特约督学挂牌" }
        return nil
    }

    /// The proposed table: keep where the inspector may go on; otherwise move the school to the eligible inspector
    /// with the fewest schools (below `limit`, the lower id on a tie), or end it when there is none; a closed
    /// school's assignment ends.
    public static func propose(
        _ current: [Current], holders: [Holder], yearStart: Day, limit: Int, specialMayBeResponsible: Bool
    ) -> [Proposal] {
        let byID = Dictionary(holders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var load = Dictionary(holders.map { ($0.id, $0.load) }, uniquingKeysWith: { a, _ in a })
        let candidates = holders.filter {
            eligible($0, yearStart: yearStart, specialMayBeResponsible: specialMayBeResponsible)
        }
        var out: [Proposal] = []
        for c in current.sorted(by: { ($0.schoolName, $0.assignmentID) < ($1.schoolName, $1.assignmentID) }) {
            if !c.schoolOpen {
                load[c.inspectorID, default: 1] -= 1
                out.append(.init(current: c, action: .end, reason: "学校已停办"))
                continue
            }
            guard
                let why = reasonToLeave(
                    byID[c.inspectorID], yearStart: yearStart, specialMayBeResponsible: specialMayBeResponsible)
            else {
                out.append(.init(current: c, action: .keep, reason: ""))
                continue
            }
            load[c.inspectorID, default: 1] -= 1
            let next = candidates.filter { $0.id != c.inspectorID && load[$0.id, default: 0] < limit }
                .min { (load[$0.id, default: 0], $0.id) < (load[$1.id, default: 0], $1.id) }
            if let next {
                load[next.id, default: 0] += 1
                out.append(.init(current: c, action: .move(to: next.id), reason: why + "，改由\(next.name)负责"))
            } else {
                out.append(.init(current: c, action: .end, reason: why + "；没有可接任的督学（均已满\(limit)所），学校将无人负责"))
            }
        }
        return out
    }

    /// Schools held per inspector once `actions` (assignment id → action) are applied to `current`.
    public static func loads(after actions: [Int: Action], current: [Current], holders: [Holder]) -> [Int: Int] {
        var load = Dictionary(holders.map { ($0.id, $0.load) }, uniquingKeysWith: { a, _ in a })
        for c in current {
            switch actions[c.assignmentID] ?? .keep {
            case .keep: break
            case .end: load[c.inspectorID, default: 1] -= 1
            case .move(let to):
                load[c.inspectorID, default: 1] -= 1
                load[to, default: 0] += 1
            }
        }
        return load
    }
}
