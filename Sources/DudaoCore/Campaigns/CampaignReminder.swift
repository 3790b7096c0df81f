/// When a campaign's people are reminded: the lead of unfinished targets and a school that has not yet handed in
/// its 自评 in the last three days before the campaign ends; a target in its 申辩 from the last working day before
/// the window closes. Each reminder goes once (the job checks what it has sent).
public enum CampaignReminder {
    public static let daysBeforeEnd = 3

    /// Whether a campaign ending on `endsOn` is in its reminder days on `today` (the last day included).
    public static func endsSoon(_ endsOn: Day, today: Day) -> Bool {
        today <= endsOn && today >= endsOn.adding(days: -daysBeforeEnd)
    }

    /// Whether a 申辩 window closing on `due` has at most one working day left on `today`.
    public static func appealClosesSoon(_ due: Day, today: Day, calendar: WorkingCalendar) -> Bool {
        today <= due && calendar.adding(workingDays: 1, to: today) >= due
    }

    /// The reminder's words for the lead: how many targets are unfinished and when the campaign ends.
    public static func leadText(title: String, unfinished: Int, endsOn: Day) -> String {
        leadKey(title: title, endsOn: endsOn) + "\(unfinished) 个对象尚未完成"
    }

    /// The part of the lead's reminder that does not change as targets finish: one reminder per campaign and lead.
    public static func leadKey(title: String, endsOn: Day) -> String {
        "督导任务「\(title)」将于\(endsOn.chinese)截止，您负责的 "
    }

    public static func selfAssessmentText(title: String, endsOn: Day) -> String {
        "督导任务「\(title)」将于\(endsOn.chinese)截止，请尽快提交自评"
    }

    public static func appealText(title: String, due: Day) -> String {
        "「\(title)」的申辩期将于\(due.chinese)届满，如有异议请在此之前提出申辩"
    }
}
