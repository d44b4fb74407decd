using Npgsql;
using NpgsqlTypes;

namespace UsmpCare.Bench.Pages;

/// <summary>What a statement's parameters are bound from.</summary>
internal sealed record SqlContext(Guid UserId, Guid RoleId, string RoleName, Guid UnitId, Guid PatientId, string SearchTerm,
    string SearchNormalized, DateTime Now);

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

    private static readonly SqlStatement Units = S("""
        SELECT u.id, u.address, u.code, u.establishment_type, u.name, u.phone, u.reference_hospital
        FROM core.units AS u WHERE u.id = ANY (@ids) ORDER BY u.name
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
}
