import DudaoCore
import Fluent

/// The district's rounds of 国家义务教育质量监测.
struct MonitoringList: Sendable {
    struct Item: Sendable {
        let id: Int
        let year: Int
        let subjects: String
        let testDay: String
        let done: Int
        let steps: Int
    }
    let items: [Item]
    let mayCreate: Bool
    let year: Int

    static func load(district: OrgUnit, mayCreate: Bool, today: Day, on db: any Database) async throws
        -> MonitoringList
    {
        let rounds = try await MonitoringRound.query(on: db).filter(\.$districtID == district.id!)
            .sort(\.$year, .descending).limit(20).all()
        let steps = try await MonitoringStep.query(on: db).filter(\.$roundID ~~ rounds.compactMap(\.id)).all()
        return MonitoringList(
            items: rounds.map { r in
                let mine = steps.filter { $0.roundID == r.id }
                return Item(
                    id: r.id!, year: r.year, subjects: r.subjects, testDay: r.testDay,
                    done: mine.filter { $0.doneOn != nil }.count, steps: mine.count)
            }, mayCreate: mayCreate, year: today.year)
    }
}

/// One round: its steps with their status today, the sample schools with their follow-up problems, incidents and
/// the county's findings.
struct MonitoringRoundPage: Sendable {
    struct Step: Sendable {
        let id: Int
        let title: String
        let due: Day
        let owner: String
        let doneOn: String?
        let note: String
        let status: QualityMonitoring.StepStatus
        let files: [StoredFile]
    }
    struct Sample: Sendable {
        let schoolID: Int
        let school: String
        let section: SchoolSection
        /// The follow-up problems raised at this school from the round.
        let followUps: [(id: Int, text: String, open: Bool)]
    }
    struct Incident: Sendable {
        let day: String
        let school: String
        let text: String
    }
    let id: Int
    let year: Int
    let subjects: String
    let testDay: String
    let steps: [Step]
    let samples: [Sample]
    let incidents: [Incident]
    let findings: String
    let mayEdit: Bool
    var errors: [FieldError] = []

    /// The words that mark a problem as this round's follow-up.
    static func followUpTag(year: Int) -> String { "【\(year)年质量监测】" }

    static func load(_ round: MonitoringRound, mayEdit: Bool, today: Day, on db: any Database) async throws
        -> MonitoringRoundPage
    {
        let steps = try await MonitoringStep.query(on: db).filter(\.$roundID == round.id!).sort(\.$position).all()
        let samples = try await MonitoringSample.query(on: db).filter(\.$roundID == round.id!).all()
        let incidents = try await MonitoringIncident.query(on: db).filter(\.$roundID == round.id!).sort(\.$day).all()
        let ids = Set(samples.map(\.schoolID) + incidents.compactMap(\.schoolID))
        let schools = try await School.query(on: db).filter(\.$id ~~ ids).all()
        func name(_ id: Int?) -> String { schools.first { $0.id == id }?.name ?? "" }
        let tag = followUpTag(year: round.year)
        let problems = try await Problem.query(on: db).filter(\.$schoolID ~~ samples.map(\.schoolID))
            .filter(\.$description =~ tag).all()
        return MonitoringRoundPage(
            id: round.id!, year: round.year, subjects: round.subjects, testDay: round.testDay,
            steps: steps.map { s in
                let due = Day(parsing: s.due) ?? today
                return Step(
                    id: s.id!, title: s.title, due: due, owner: s.owner, doneOn: s.doneOn, note: s.note,
                    status: QualityMonitoring.status(
                        due: due, doneOn: s.doneOn.flatMap(Day.init(parsing:)), today: today),
                    files: s.storedFiles)
            },
            samples: samples.sorted {
                ($0.section == .primary ? 0 : 1, name($0.schoolID)) < (
                    $1.section == .primary ? 0 : 1, name($1.schoolID)
                )
            }
            .map { s in
                Sample(
                    schoolID: s.schoolID, school: name(s.schoolID), section: s.section,
                    followUps: problems.filter { $0.schoolID == s.schoolID }.map {
                        ($0.id!, String($0.description.dropFirst(tag.count)), $0.state == .open)
                    })
            },
            incidents: incidents.map { Incident(day: $0.day, school: name($0.schoolID), text: $0.text) },
            findings: round.findings, mayEdit: mayEdit)
    }
}
