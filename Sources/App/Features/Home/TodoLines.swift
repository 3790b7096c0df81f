import DudaoCore

/// What a to-do line reads of a record: a few columns as plain values, not the whole model (see `rows`), since
/// every home reads a dozen such lists on every visit.
protocol TodoLine: Decodable, Sendable {
    static var columns: [String] { get }
}

extension HomeTodo {
    struct NoticeLine: TodoLine {
        static let columns = ["id", "school_id", "number", "deadline", "state"]
        let id: Int
        let schoolId: Int
        let number: String
        let deadline: String
        let state: NoticeState
    }

    struct ComplaintLine: TodoLine {
        static let columns = ["id", "category", "content", "tracking_code", "state", "deadline"]
        let id: Int
        let category: String
        let content: String
        let trackingCode: String
        let state: ComplaintState
        let deadline: String?
    }

    struct PlanLine: TodoLine {
        static let columns = ["id", "school_id", "planned_date"]
        let id: Int
        let schoolId: Int
        let plannedDate: String
    }

    struct DraftLine: TodoLine {
        static let columns = ["id", "school_id", "visit_date"]
        let id: Int
        let schoolId: Int
        let visitDate: String
    }

    struct ProblemLine: TodoLine {
        static let columns = ["id", "school_id", "category", "description"]
        let id: Int
        let schoolId: Int
        let category: String
        let description: String
    }

    struct AreaPlanLine: TodoLine {
        static let columns = ["id", "inspector_id", "semester"]
        let id: Int
        let inspectorId: Int
        let semester: String
    }

    struct MessageLine: TodoLine {
        static let columns = ["title", "link"]
        let title: String
        let link: String
    }
}
