import Foundation

/// 举报投诉 as it comes in: typed by the public on the complaint form (`online`), or logged by the office
/// from a phone call (`phone`). One rule checks both: the fields as typed, the complaint categories, the
/// school asked about (looked up by the caller) and today → the complaint to save, or every field's message.
public struct ComplaintIntake: Sendable, Equatable {
    public enum Channel: String, Sendable, Equatable {
        case online, phone
    }

    /// What the complaint is about: a school of the district, or the district (its education bureau).
    public enum Subject: Sendable, Equatable {
        case district
        case school(Int)
    }

    public let channel: Channel
    public let subject: Subject
    public let category: String
    /// The content as saved (a phone log starts with the call's time and who logged it).
    public let content: String
    public let name: String
    public let phone: String
    /// Neither name nor phone is kept: asked for online, or neither given.
    public let anonymous: Bool
    /// The day the complaint came in (time limits count from it): today online, the day of the call by phone.
    public let receivedOn: Day

    /// The categories a complaint is filed under.
    public static let categories = ["乱收费", "违规补课", "课业负担", "师德师风", "校园安全", "校园欺凌", "食堂卫生", "招生入学", "其他"]
    /// Urgent matters (rules.md §1: illegal practice, danger to life, reported at once): the default of the district's
    /// list of categories whose complaints are flagged 【紧急】 to the office the moment they arrive.
    public static let urgentCategories = ["乱收费", "校园安全", "校园欺凌", "食堂卫生"]
    public static let maxContent = 2000
    /// Online complaints must say at least this much to be verifiable.
    public static let minOnlineContent = 10
    public static let maxName = 20
    /// The form's value for "about the district, not a school".
    public static let districtChoice = "district"

    /// The form's fields as sent.
    public struct Input: Sendable, Equatable {
        /// `districtChoice` or a school id.
        public var school: String?
        public var category: String?
        public var content: String?
        public var name: String?
        public var phone: String?
        /// Online: the "匿名反映" box.
        public var anonymous: Bool
        /// Phone: the day and the time of the call.
        public var receivedAt: String?
        public var receivedTime: String?

        public init(
            school: String? = nil, category: String? = nil, content: String? = nil, name: String? = nil,
            phone: String? = nil, anonymous: Bool = false, receivedAt: String? = nil, receivedTime: String? = nil
        ) {
            self.school = school
            self.category = category
            self.content = content
            self.name = name
            self.phone = phone
            self.anonymous = anonymous
            self.receivedAt = receivedAt
            self.receivedTime = receivedTime
        }
    }

    /// The school id the form asks about, for the caller to look up (nil: the district, or nothing usable).
    public static func requestedSchoolID(_ input: Input) -> Int? {
        input.school == districtChoice ? nil : input.school.flatMap { Int($0) }
    }

    /// A complaint from the public form. `districtSchoolIDs` holds the school asked about if it is a school of
    /// the district (the caller looks it up with `requestedSchoolID`).
    public static func online(
        _ input: Input, categories: [String] = categories, districtSchoolIDs: Set<Int>, today: Day
    ) -> Validated<ComplaintIntake> {
        var errors: [FieldError] = []
        let subject = self.subject(input, districtSchoolIDs: districtSchoolIDs, errors: &errors)
        let category = (input.category ?? "").trimmingCharacters(in: .whitespaces)
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let content = (input.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if content.count < minOnlineContent { errors.append(.init("content", "请至少写\(minOnlineContent)个字，说明具体情况")) }
        if content.count > maxContent { errors.append(.init("content", "内容不能超过\(maxContent)个字")) }
        let name = input.anonymous ? "" : (input.name ?? "").trimmingCharacters(in: .whitespaces)
        let phone = input.anonymous ? "" : (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > maxName { errors.append(.init("name", "姓名不能超过\(maxName)个字")) }
        if let e = Validate.phone(phone) { errors.append(.init("phone", e)) }
        guard errors.isEmpty, let subject else { return .failure(errors) }
        return .success(
            ComplaintIntake(
                channel: .online, subject: subject, category: category, content: content, name: name, phone: phone,
                anonymous: input.anonymous || (name.isEmpty && phone.isEmpty), receivedOn: today))
    }

    /// A phone call logged by `recorder` (an office user's name). The call's day may be before today, never after.
    /// As on the form: the category is taken as sent and the caller's name is counted as typed.
    public static func phone(
        _ input: Input, recorder: String, categories: [String] = categories, districtSchoolIDs: Set<Int>, today: Day
    ) -> Validated<ComplaintIntake> {
        var errors: [FieldError] = []
        let subject = self.subject(input, districtSchoolIDs: districtSchoolIDs, errors: &errors)
        let category = input.category ?? ""
        if !categories.contains(category) { errors.append(.init("category", "请选择问题类别")) }
        let content = (input.content ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let e = Validate.required(content, field: "来电内容", maxLength: maxContent) {
            errors.append(.init("content", e))
        }
        if let e = Validate.phone(input.phone ?? "") { errors.append(.init("phone", e)) }
        if (input.name ?? "").count > maxName { errors.append(.init("name", "来电人不能超过\(maxName)个字")) }
        let callDay = input.receivedAt.flatMap(Day.init(parsing:))
        if callDay == nil { errors.append(.init("receivedAt", "请填写来电日期")) }
        if let d = callDay, d > today { errors.append(.init("receivedAt", "来电日期不能晚于今天")) }
        if let t = input.receivedTime, !t.isEmpty, WorkloadRules.minutesOfDay(t) == nil {
            errors.append(.init("receivedTime", "时间格式应为 09:30"))
        }
        guard errors.isEmpty, let subject, let callDay else { return .failure(errors) }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespaces)
        let phone = (input.phone ?? "").trimmingCharacters(in: .whitespaces)
        let when = [input.receivedAt ?? "", input.receivedTime ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        return .success(
            ComplaintIntake(
                channel: .phone, subject: subject, category: category,
                content: "【来电 \(when)，登记人 \(recorder)】\n" + content, name: name, phone: phone,
                anonymous: name.isEmpty && phone.isEmpty, receivedOn: callDay))
    }

    /// The district, or a school of the district; anything else (none chosen, not a number, another
    /// district's school, no such school) is "请选择反映的学校".
    private static func subject(_ input: Input, districtSchoolIDs: Set<Int>, errors: inout [FieldError]) -> Subject? {
        if input.school == districtChoice { return .district }
        if let id = requestedSchoolID(input), districtSchoolIDs.contains(id) { return .school(id) }
        errors.append(.init("school", "请选择反映的学校"))
        return nil
    }
}
