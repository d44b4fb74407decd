using Npgsql;
using NpgsqlTypes;

namespace UsmpCare.Bench.Pages;

/// <summary>What a statement's parameters are bound from.</summary>
internal sealed record SqlContext(Guid UserId, Guid RoleId, string RoleName, Guid UnitId, Guid PatientId, string SearchTerm,
    string SearchNormalized, DateTime Now)
{
    /// <summary>The round's wing, the day of the day list, agenda and movement list, the agenda's practitioner.</summary>
    public string Wing { get; init; } = "";
    public DateOnly Day { get; init; }
    public Guid PractitionerId { get; init; }

    /// <summary>The wing's patients present (the round), the present patients without an arrival visit (entry visits).</summary>
    public Guid[] WingPatients { get; init; } = [];
    public Guid[] NotSeen { get; init; } = [];

    /// <summary>The signed prescriptions of the wing with a line due this morning (the round's last statement).</summary>
    public Guid[] DuePrescriptions { get; init; } = [];
}

internal sealed record SqlStatement(string Sql, Action<NpgsqlParameterCollection, SqlContext> Bind);

/// <summary>
/// The statements each benchmarked page sends, copied from the app's EF Core command log for one request
/// (<c>Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information</c>, README) and
/// replayed here through Npgsql with the same parameters: the page's time divided by this is the cost of our code.
/// The audit row each page appends is replayed separately (<see cref="PageBenchmark"/>), through the app's own
/// <c>AuditTrail</c>. Keep these in step with the pages when their queries change.
/// </summary>
internal static class PageSql
{
    private static SqlStatement S(string sql, Action<NpgsqlParameterCollection, SqlContext> bind) => new(sql, bind);

    private static void Uuid(NpgsqlParameterCollection p, string name, Guid value) =>
        p.Add(new NpgsqlParameter(name, NpgsqlDbType.Uuid) { Value = value });

    /// <summary>Cookie validation on every request (Accounts/SessionCheck: the account's stamp and state).</summary>
    public static readonly SqlStatement[] SignedIn =
    [
        S("SELECT u.security_stamp, u.is_active FROM auth.users AS u WHERE u.id = @__id LIMIT 1",
            (p, c) => Uuid(p, "__id", c.UserId)),
    ];

    // The unit switcher's read; the unit's settings of issues #20/#21 (entry-visit target, hours, languages) joined it.
    private static readonly SqlStatement Units = S("""
        SELECT u.id, u.address, u.code, u.entry_visit_target_hours, u.establishment_type, u.hours, u.information_languages, u.name, u.phone, u.reference_hospital
        FROM core.units AS u
        WHERE u.id = ANY (@ids)
        ORDER BY u.name
        """, (p, c) => p.AddWithValue("ids", new[] { c.UnitId }));

    private const string PatientColumns =
        "p.id, p.alerts, p.allergy_record, p.arrival_date, p.birth_date, p.birth_name, p.cell, p.court_ordered_care, p.court_ordered_care_since, p.designated_physician, p.ecrou, p.expected_release_date, p.first_name, p.ins, p.ins_status, p.is_vulnerable, p.last_name, p.legal_status, p.reads_french, p.search_text, p.sex, p.spoken_language, p.status, p.unit_id, p.xmin, p.vulnerability_reason, p.wing";

    /// <summary>A term of digits: an écrou prefix, a range of the byte-ordered écrou index (Features/PatientSearch).</summary>
    public static readonly SqlStatement[] SearchEcrou =
    [
        .. SignedIn, Units,
        S($"""
          SELECT {PatientColumns}
          FROM core.patients AS p
          WHERE p.unit_id = @unit_Id AND p.ecrou COLLATE "C" >= @from AND p.ecrou COLLATE "C" < @to
          ORDER BY p.ecrou COLLATE "C"
          LIMIT @p9 OFFSET @p
          """, (p, c) =>
        {
            Uuid(p, "unit_Id", c.UnitId);
            p.AddWithValue("from", c.SearchNormalized);
            p.AddWithValue("to", c.SearchNormalized[..^1] + (char)(c.SearchNormalized[^1] + 1));
            p.AddWithValue("p9", 51);
            p.AddWithValue("p", 0);
        }),
    ];

    /// <summary>A name: substring or trigram word similarity over the unaccented search text.</summary>
    public static readonly SqlStatement[] SearchName =
    [
        .. SignedIn, Units,
        S($"""
          SELECT {PatientColumns}
          FROM core.patients AS p
          WHERE p.unit_id = @unit_Id AND (p.search_text LIKE @like ESCAPE '' OR (@normalized <% p.search_text))
          ORDER BY p.ecrou LIKE @ecrouPrefix_startswith DESC, @normalized <<-> p.search_text, p.last_name
          LIMIT @p9 OFFSET @p
          """, (p, c) =>
        {
            Uuid(p, "unit_Id", c.UnitId);
            p.AddWithValue("like", "%" + c.SearchNormalized + "%");
            p.AddWithValue("normalized", c.SearchNormalized);
            p.AddWithValue("ecrouPrefix_startswith", c.SearchNormalized.ToUpperInvariant() + "%");
            p.AddWithValue("p9", 51);
            p.AddWithValue("p", 0);
        }),
    ];

    private const string EntryColumns =
        "e.id, e.amendment_reason, e.amends_id, e.author_id, e.author_name, e.consent, e.consent_details, e.consultation_type, e.created_at, e.dose, e.findings, e.guard_present, e.guard_reason, e.hunger_strike_id, e.information_given, e.kind, e.medication, e.medication_outcome, e.note, e.occurred_at, e.patient_id, e.signed_at, e.signed_by_id, e.signed_by_name, e.status, e.treating_physician_reason, e.unit_id, e.updated_at, e.xmin, e.diagnoses, e.prescriptions, e.vitals";

    /// <summary>The chart; <paramref name="bothRecords"/> when the patient agreed to sharing (P30), so both are read.</summary>
    public static SqlStatement[] Chart(bool bothRecords) =>
    [
        .. SignedIn,
        S($"SELECT {PatientColumns} FROM core.patients AS p WHERE p.id = @id LIMIT 1", (p, c) => Uuid(p, "id", c.PatientId)),
        S("""
          SELECT b.id, b.expires_at, b.granted_at, b.patient_id, b.patient_unit_id, b.reason, b.user_id, b.user_name
          FROM audit.break_glass_grants AS b
          WHERE b.user_id = @userId AND b.patient_id = @patientId AND b.expires_at > @now
          ORDER BY b.expires_at DESC LIMIT 1
          """, (p, c) =>
        {
            Uuid(p, "userId", c.UserId);
            Uuid(p, "patientId", c.PatientId);
            p.AddWithValue("now", c.Now);
        }),
        S("SELECT m.patient_id, m.team, m.opened_at, m.paper_record_location FROM core.medical_records AS m WHERE m.patient_id = @patient_Id ORDER BY m.team",
            (p, c) => Uuid(p, "patient_Id", c.PatientId)),
        S("""
          SELECT h.id, h.created_at, h.end_reason, h.ended_on, h.information_given, h.informed_at, h.patient_id, h.refuses_fluids, h.started_by_id, h.started_by_name, h.started_on, h.unit_id
          FROM somatic.hunger_strikes AS h WHERE h.patient_id = @patient_Id AND h.ended_on IS NULL LIMIT 1
          """, (p, c) => Uuid(p, "patient_Id", c.PatientId)),
        S("""
          SELECT c.id, c.category, c.decision, c.expression, c.patient_id, c.recipient_name, c.recorded_at, c.recorded_by_id, c.recorded_by_name, c.topic
          FROM consent.consent_entries AS c WHERE c.patient_id = @patientId
          """, (p, c) => Uuid(p, "patientId", c.PatientId)),
        S("""
          SELECT d.id, d.at, d.author_id, d.author_name, d.consent_entry_id, d.exception, d.legal_basis, d.patient_id, d.recipient, d.recipient_name, d.unit_id, d.what
          FROM consent.disclosures AS d WHERE d.patient_id = @id ORDER BY d.at DESC LIMIT @p
          """, (p, c) =>
        {
            Uuid(p, "id", c.PatientId);
            p.AddWithValue("p", 50);
        }),
        S("SELECT c.decision FROM consent.consent_entries AS c WHERE c.patient_id = @patient_Id AND c.topic = 'TeamSharing' ORDER BY c.recorded_at DESC LIMIT 1",
            (p, c) => Uuid(p, "patient_Id", c.PatientId)),
        .. Record("somatic"),
        .. bothRecords ? Record("psychiatric") : [],
        // The audit filter files the read under the patient's unit.
        S("SELECT p.unit_id FROM core.patients AS p WHERE p.id = @pid LIMIT 1", (p, c) => Uuid(p, "pid", c.PatientId)),
        Units,
    ];

    /// <summary>One record's part of the chart: a timeline page (keyset), its amendments, its signed consultations.</summary>
    private static SqlStatement[] Record(string schema) =>
    [
        S($"""
          SELECT {EntryColumns}
          FROM {schema}.entries AS e WHERE e.patient_id = @id AND e.status <> 'Abandoned' ORDER BY e.occurred_at DESC LIMIT @p
          """, (p, c) =>
        {
            Uuid(p, "id", c.PatientId);
            p.AddWithValue("p", 51);
        }),
        S($"SELECT e.amends_id, e.id, e.signed_at FROM {schema}.entries AS e WHERE e.patient_id = @id AND e.amends_id IS NOT NULL AND e.status = 'Signed'",
            (p, c) => Uuid(p, "id", c.PatientId)),
        S($"SELECT e.id, e.occurred_at, e.diagnoses, e.prescriptions FROM {schema}.entries AS e WHERE e.patient_id = @id AND e.kind = 'Consultation' AND e.status = 'Signed'",
            (p, c) => Uuid(p, "id", c.PatientId)),
    ];

    public static readonly SqlStatement[] Queue =
    [
        .. SignedIn, Units,
        S("""
          SELECT c0.id, c0.anonymous, c0.answered_at, c0.appointment_at, c0.close_reason, c0.collected_at, c0.consultation_id, c0.illegible, c0.logged_at, c0.logged_by_id, c0.logged_by_name, c0.patient_id, c0.round_id, c0.several_requests, c0.status, c0.summary, c0.team, c0.unidentified_name, c0.unit_id, c0.urgency, c0.xmin, c0.wing, CASE
              WHEN p.id IS NULL THEN NULL
              ELSE COALESCE(upper(p.last_name), '') || ' ' || COALESCE(p.first_name, '')
          END AS "Name", p.ecrou AS "Ecrou", p.cell AS "Cell"
          FROM (
              SELECT c.id, c.anonymous, c.answered_at, c.appointment_at, c.close_reason, c.collected_at, c.consultation_id, c.illegible, c.logged_at, c.logged_by_id, c.logged_by_name, c.patient_id, c.round_id, c.several_requests, c.status, c.summary, c.team, c.unidentified_name, c.unit_id, c.urgency, c.xmin, c.wing, CASE
                  WHEN c.urgency = 'Urgent' THEN 0
                  WHEN c.urgency = 'ThisWeek' THEN 1
                  ELSE 2
              END AS c
              FROM care.care_requests AS c
              WHERE c.unit_id = @unitId AND c.team = ANY (@teams) AND c.status IN ('New', 'Triaged', 'AppointmentSet')
              ORDER BY CASE
                  WHEN c.urgency = 'Urgent' THEN 0
                  WHEN c.urgency = 'ThisWeek' THEN 1
                  ELSE 2
              END, c.collected_at
              LIMIT @p3 OFFSET @p
          ) AS c0
          LEFT JOIN core.patients AS p ON c0.patient_id = p.id
          ORDER BY c0.c, c0.collected_at
          """, (p, c) =>
        {
            Uuid(p, "unitId", c.UnitId);
            p.AddWithValue("teams", new[] { "Somatic", "Dental", "Other" });
            p.AddWithValue("p3", 51);
            p.AddWithValue("p", 0);
        }),
        S("""
          SELECT DISTINCT c.wing, c.opened_by_name
          FROM care.collection_rounds AS c
          WHERE c.unit_id = @unitId AND c.collected_at >= @recent
          """, (p, c) =>
        {
            Uuid(p, "unitId", c.UnitId);
            p.AddWithValue("recent", new DateTimeOffset(c.Now.AddDays(-UsmpCare.Web.Pages.CareRequests.IndexModel.FilterChoicesDays), TimeSpan.Zero));
        }),
    ];

    public static readonly SqlStatement[] Dashboard =
    [
        .. SignedIn, Units,
        S("SELECT c.team, c.collected_at FROM care.care_requests AS c WHERE c.unit_id = @unit_Id AND c.status IN ('New', 'Triaged', 'AppointmentSet')",
            (p, c) => Uuid(p, "unit_Id", c.UnitId)),
        S("""
          SELECT date_trunc('week', e.occurred_at AT TIME ZONE @zone)::date AS "Week", e.consultation_type AS "Type", count(*)::int AS "Count"
          FROM (SELECT occurred_at, consultation_type FROM somatic.entries
                WHERE unit_id = @unit AND kind = 'Consultation' AND status = 'Signed' AND occurred_at >= @since
                UNION ALL
                SELECT occurred_at, consultation_type FROM psychiatric.entries
                WHERE unit_id = @unit AND kind = 'Consultation' AND status = 'Signed' AND occurred_at >= @since) AS e
          GROUP BY 1, 2
          """, (p, c) =>
            {
                p.AddWithValue("zone", "Europe/Paris");
                Uuid(p, "unit", c.UnitId);
                p.AddWithValue("since", c.Now.AddDays(-7 * 12));
            }),
        S("SELECT c.collected_at, c.answered_at FROM care.care_requests AS c WHERE c.unit_id = @unit_Id AND c.status = 'SeenInConsultation' AND c.answered_at >= @since",
            (p, c) =>
            {
                Uuid(p, "unit_Id", c.UnitId);
                p.AddWithValue("since", c.Now.AddDays(-7 * 12));
            }),
        S("SELECT e.* FROM continuity.external_appointments AS e WHERE e.unit_id = @unit_Id AND e.at >= @monthStart AND e.at < @end",
            (p, c) =>
            {
                Uuid(p, "unit_Id", c.UnitId);
                var start = new DateTime(c.Now.Year, c.Now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
                p.AddWithValue("monthStart", start);
                p.AddWithValue("end", start.AddMonths(1));
            }),
        S("SELECT p.id FROM core.patients AS p WHERE p.unit_id = @unit_Id AND p.status = 'Present' AND p.legal_status = 'Convicted' AND p.expected_release_date IS NOT NULL AND p.expected_release_date <= @horizon",
            (p, c) =>
            {
                Uuid(p, "unit_Id", c.UnitId);
                p.AddWithValue("horizon", DateOnly.FromDateTime(c.Now).AddDays(90));
            }),
        S("SELECT count(*)::int FROM somatic.hunger_strikes AS h WHERE h.unit_id = @unit_Id AND h.ended_on IS NULL",
            (p, c) => Uuid(p, "unit_Id", c.UnitId)),
        S("""
          SELECT p.id, p.last_name, p.first_name, p.ecrou, p.arrival_date, (
              SELECT max(e.occurred_at) FROM somatic.entries AS e
              WHERE e.patient_id = p.id AND e.status = 'Signed' AND e.kind = 'Consultation' AND e.consultation_type = 'Arrival') AS "LastVisit"
          FROM core.patients AS p WHERE p.unit_id = @unitId AND p.status = 'Present'
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
    ];

    private const string CurrentPatientColumns =
        "p.id, p.alerts, p.arrival_date, p.birth_date, p.birth_name, p.cell, p.court_ordered_care, p.court_ordered_care_since, p.designated_physician, p.ecrou, p.expected_release_date, p.first_name, p.ins, p.ins_status, p.is_vulnerable, p.last_name, p.legal_status, p.reads_french, p.search_text, p.sex, p.spoken_language, p.status, p.unit_id, p.xmin, p.vulnerability_reason, p.wing, p.allergy_record";

    /// <summary>Pages/Treatments/Round: the wings, the wing's patients present, their signed prescriptions, the slot's doses.</summary>
    public static readonly SqlStatement[] Round =
    [
        .. SignedIn, Units,
        S("""
          SELECT p.wing AS "Key", count(*)::int AS "Count"
          FROM core.patients AS p
          WHERE p.status = 'Present' AND p.unit_id = @unitId AND p.wing IS NOT NULL
          GROUP BY p.wing
          ORDER BY p.wing
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
        S($"""
          SELECT {CurrentPatientColumns}
          FROM core.patients AS p
          WHERE p.status = 'Present' AND p.unit_id = @unitId AND p.wing = @Wing
          """, (p, c) =>
        {
            Uuid(p, "unitId", c.UnitId);
            p.AddWithValue("Wing", c.Wing);
        }),
        S("""
          SELECT p.id, p.change, p.created_at, p.patient_id, p.prescriber_id, p.prescriber_name, p.prescriber_rpps, p.replaces_id, p.signed_at, p.status, p.stop_reason, p.team, p.unit_id, p.lines
          FROM treatments.prescriptions AS p
          WHERE p.patient_id = ANY (@patientIds) AND p.status = 'Signed'
          """, (p, c) => p.AddWithValue("patientIds", c.WingPatients)),
        S("""
          SELECT a.id, a.day, a.dose, a.dose_unit, a.drug_name, a.line_index, a.mode, a.nurse_id, a.nurse_name, a.outcome, a.patient_id, a.prescriber_id, a.prescription_id, a.recorded_at, a.slot, a.substitution, a.unit_id
          FROM treatments.administrations AS a
          WHERE a.prescription_id = ANY (@dueIds) AND a.day = @day AND a.slot = @slot
          """, (p, c) =>
        {
            p.AddWithValue("dueIds", c.DuePrescriptions);
            p.AddWithValue("day", UsmpCare.Web.Infrastructure.Fr.Today(TimeProvider.System));
            p.AddWithValue("slot", "Morning");
        }),
    ];

    private static SqlStatement Slots(bool rooms) => S($"""
        SELECT a.id, a.booked_at, a.booked_by_id, a.booked_by_name, a.care_request_id, a.duration_minutes, a."from", a.kind, a.outcome, a.outcome_at, a.outcome_note, a.outcome_reason, a.patient_id, a.practitioner_id, a.practitioner_name, a.reason, a.recall_id, a.room_id, a.start, a.status, a.team, a.unit_id, a.xmin, {CurrentPatientColumns}
        FROM agenda.appointments AS a
        INNER JOIN core.patients AS p ON a.patient_id = p.id
        WHERE a.unit_id = @unitId AND a.start >= @start AND a.start < @end AND a.status = 'Booked' AND a.practitioner_id = @practitionerId
        ORDER BY a.start
        """, (p, c) =>
    {
        Uuid(p, "unitId", c.UnitId);
        var monday = c.Day.AddDays(-(((int)c.Day.DayOfWeek + 6) % 7));
        var (from, to) = rooms ? (monday, monday.AddDays(UsmpCare.Web.Pages.Agenda.IndexModel.Days)) : (c.Day, c.Day.AddDays(1));
        p.AddWithValue("start", UsmpCare.Web.Infrastructure.Fr.FromLocal(from.ToDateTime(TimeOnly.MinValue)));
        p.AddWithValue("end", UsmpCare.Web.Infrastructure.Fr.FromLocal(to.ToDateTime(TimeOnly.MinValue)));
        Uuid(p, "practitionerId", c.PractitionerId);
    });

    private static readonly SqlStatement Rooms = S("""
        SELECT r.id, r.is_active, r.name, r.unit_id
        FROM agenda.rooms AS r
        WHERE r.unit_id = @unitId
        """, (p, c) => Uuid(p, "unitId", c.UnitId));

    /// <summary>Pages/Agenda/Day, the physician's own day (AgendaBook.SlotsAsync): one range of (unit, start), the rooms.</summary>
    public static readonly SqlStatement[] DayList = [.. SignedIn, Units, Slots(rooms: false), Rooms];

    /// <summary>Pages/Agenda/Index, a practitioner's week: the practitioners, the rooms, the week's slots, the rooms again.</summary>
    public static readonly SqlStatement[] AgendaWeek =
    [
        .. SignedIn, Units,
        S("""
          SELECT u.id, u.first_name, u.last_name, u.team, r.name, u1.user_id, u1.role_id, r.id, u2.unit_id, u2.user_id
          FROM auth.users AS u
          INNER JOIN auth.user_roles AS u1 ON u.id = u1.user_id
          INNER JOIN auth.roles AS r ON u1.role_id = r.id
          LEFT JOIN auth.unit_memberships AS u2 ON u.id = u2.user_id
          WHERE EXISTS (
              SELECT 1
              FROM auth.unit_memberships AS u0
              WHERE u.id = u0.user_id AND u0.unit_id = @unitId) AND u.is_active AND u.team IS NOT NULL
          ORDER BY u.id, u1.user_id, u1.role_id, r.id, u2.user_id
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
        S("""
          SELECT r.id, r.is_active, r.name, r.unit_id
          FROM agenda.rooms AS r
          WHERE r.unit_id = @unitId
          ORDER BY r.name
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
        Slots(rooms: true), Rooms,
    ];

    /// <summary>Pages/Ap/Movements (Agenda/MovementList): the day's booked appointments of patients present, no kind.</summary>
    public static readonly SqlStatement[] Movements =
    [
        .. SignedIn, Units,
        S("""
          SELECT a.id AS "Id", a.start AS "Start", a.outcome AS "Outcome", a.outcome_reason AS "OutcomeReason", p0.last_name AS "LastName", p0.first_name AS "FirstName", p0.ecrou AS "Ecrou", p0.cell AS "Cell", p0.wing AS "Wing"
          FROM agenda.appointments AS a
          INNER JOIN (
              SELECT p.id, p.cell, p.ecrou, p.first_name, p.last_name, p.wing
              FROM core.patients AS p
              WHERE p.status = 'Present'
          ) AS p0 ON a.patient_id = p0.id
          WHERE a.unit_id = @unitId AND a.start >= @start AND a.start < @end AND a.status = 'Booked'
          ORDER BY a.start, p0.last_name, p0.first_name
          """, (p, c) =>
        {
            Uuid(p, "unitId", c.UnitId);
            p.AddWithValue("start", UsmpCare.Web.Infrastructure.Fr.FromLocal(c.Day.ToDateTime(TimeOnly.MinValue)));
            p.AddWithValue("end", UsmpCare.Web.Infrastructure.Fr.FromLocal(c.Day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        }),
    ];

    /// <summary>Pages/EntryVisits: the unit, the present patients' last arrival visit, their arrivals, the last 30 days' visits.</summary>
    public static readonly SqlStatement[] EntryVisits =
    [
        .. SignedIn, Units,
        S("""
          SELECT u.id, u.address, u.code, u.entry_visit_target_hours, u.establishment_type, u.hours, u.information_languages, u.name, u.phone, u.reference_hospital
          FROM core.units AS u
          WHERE u.id = @unitId
          LIMIT 2
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
        S("""
          SELECT p.id AS "Id", p.last_name AS "LastName", p.first_name AS "FirstName", p.ecrou AS "Ecrou", p.arrival_date AS "ArrivalDate", (
              SELECT max(e.occurred_at)
              FROM somatic.entries AS e
              WHERE e.status = 'Signed' AND e.patient_id = p.id AND e.kind = 'Consultation' AND e.consultation_type = 'Arrival') AS "LastVisit"
          FROM core.patients AS p
          WHERE p.status = 'Present' AND p.unit_id = @unitId
          """, (p, c) => Uuid(p, "unitId", c.UnitId)),
        S("""
          SELECT p.patient_id AS "PatientId", p.date AS "Date"
          FROM core.prison_movements AS p
          WHERE p.unit_id = @unit_Id AND p.kind = 'Arrival' AND p.patient_id = ANY (@ids)
          """, (p, c) =>
        {
            Uuid(p, "unit_Id", c.UnitId);
            p.AddWithValue("ids", c.NotSeen);
        }),
        S("""
          SELECT e.patient_id AS "PatientId", p.last_name AS "LastName", p.first_name AS "FirstName", p.ecrou AS "Ecrou", e.arrival_date AS "ArrivalDate", e.signed_at AS "SignedAt", e.signed_by_name AS "SignedByName"
          FROM somatic.entry_visits AS e
          INNER JOIN core.patients AS p ON e.patient_id = p.id
          WHERE e.unit_id = @Unit_Id AND e.signed_at >= @since
          ORDER BY e.signed_at DESC
          LIMIT @p
          """, (p, c) =>
        {
            Uuid(p, "Unit_Id", c.UnitId);
            p.AddWithValue("since", new DateTimeOffset(c.Now.AddDays(-UsmpCare.Web.Pages.EntryVisits.IndexModel.RecentDays), TimeSpan.Zero));
            p.AddWithValue("p", 200);
        }),
    ];
}
