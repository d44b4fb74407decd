using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using static UsmpCare.Bench.Generation.Generator;

namespace UsmpCare.Bench.Generation;

/// <summary>
/// The unit's day and its treatments (issues #20 and #21), generated like the rest: the prison's movements (an arrival
/// for every stay, a release or transfer for past ones), the agenda of the patients present (past months with what
/// became of each appointment, the next weeks booked), signed prescriptions renewed over the stay with their
/// administrations for the rounds, entry visits of recent arrivals with the tests, results and recalls they produce.
/// Rows that must look like the app's own (prescription lines, entry-visit answers) are copied from the ones
/// <c>seed-demo</c> wrote through the domain, with their dates changed: the JSON stays the app's.
/// </summary>
internal sealed partial class World
{
    private const int DaySalt = 701, TreatmentSalt = 809, FollowupSalt = 907, MovementSalt = 1009;

    /// <summary>Appointment history kept for the patients present, and how far ahead the agenda is booked.</summary>
    private const int AgendaPastDays = 180, AgendaAheadDays = 21;

    /// <summary>Administrations are recorded for the last days of a line only: an old stay's rounds would be millions of rows.</summary>
    private const int AdministrationDays = 120;

    /// <summary>Entry visits are structured for the arrivals of the last days (the structured form is recent).</summary>
    private const int EntryVisitDays = 90;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private readonly Dictionary<string, JsonObject> _lineTemplates = new(StringComparer.Ordinal);
    private string _entryVisitAnswers = "";
    private readonly List<(string Unit, Staff Staff, string Team)> _otherDemoStaff = [];
    private (Guid Id, string Name)? _prisonOfficer;

    /// <summary>Per unit, the practitioners who hold appointments, each with his room and team.</summary>
    private readonly Dictionary<Guid, List<Practitioner>> _practitioners = [];

    private sealed record Practitioner(Staff Staff, string Team, string Category, Guid Room, bool Demo);

    private Staff ArrivalPhysician(Patient p) => p.Unit.Physicians[p.Index % p.Unit.Physicians.Length];

    private static DateTime ArrivalSignedAt(Patient p) => p.ArrivalVisitAt.AddMinutes(20);

    private static DateTime Utc(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Paris);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(_now, Paris));

    /// <summary>What seed-demo wrote through the domain: prescription lines and an entry visit's answers, used as templates.</summary>
    public async Task LoadDayTemplatesAsync(NpgsqlConnection connection)
    {
        await using (var command = new NpgsqlCommand("""
            SELECT l.value::text FROM treatments.prescriptions p, jsonb_array_elements(p.lines) l
            WHERE p.status = 'Signed' ORDER BY p.created_at
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var line = (JsonObject)JsonNode.Parse(reader.GetString(0))!;
                _lineTemplates.TryAdd((string?)line["Cis"] ?? "", line);
            }
        }
        foreach (var cis in new[] { Methadone, Buprenorphine, Cyamemazine, PillBoxA, PillBoxB, Analgesic })
        {
            if (!_lineTemplates.ContainsKey(cis))
            {
                throw new InvalidOperationException($"seed-demo wrote no signed line of drug {cis}: the treatment templates are missing.");
            }
        }
        _entryVisitAnswers = await ScalarAsync<string>(connection, "SELECT answers::text FROM somatic.entry_visits LIMIT 1");
        // The demo's dentist, psychologist and prison officer: they hold or record appointments of the demo units.
        await using (var command = new NpgsqlCommand("""
            SELECT u.id, u.first_name, u.last_name, r.name, coalesce(u.team, ''), un.code
            FROM auth.users u JOIN auth.user_roles ur ON ur.user_id = u.id JOIN auth.roles r ON r.id = ur.role_id
            JOIN auth.unit_memberships m ON m.user_id = u.id JOIN core.units un ON un.id = m.unit_id
            WHERE r.name IN ('Dentist', 'Psychologist', 'PrisonAdministration') ORDER BY u.email
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var role = reader.GetString(3);
                var name = role == "Dentist" ? $"Dr {reader.GetString(1)} {reader.GetString(2)}" : $"{reader.GetString(1)} {reader.GetString(2)}";
                if (role == "PrisonAdministration")
                {
                    _prisonOfficer ??= (reader.GetGuid(0), name);
                    continue;
                }
                _otherDemoStaff.Add((reader.GetString(5), new Staff(reader.GetGuid(0), name, role), reader.GetString(4)));
            }
        }
    }

    /// <summary>
    /// The generated staff become accounts (no password, no e-mail: nobody signs in with them) so that appointments and
    /// prescriptions name real users, as the foreign keys want; each practitioner gets a room of his unit.
    /// </summary>
    public async Task<long> InsertStaffAndRoomsAsync(NpgsqlConnection connection)
    {
        var roles = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, id FROM auth.roles", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                roles[reader.GetString(0)] = reader.GetGuid(1);
            }
        }
        var demoIds = new HashSet<Guid>();
        await using (var command = new NpgsqlCommand("SELECT id FROM auth.users", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                demoIds.Add(reader.GetGuid(0));
            }
        }
        var demoRooms = new Dictionary<(Guid Unit, string Name), Guid>();
        await using (var command = new NpgsqlCommand("SELECT unit_id, name, id FROM agenda.rooms", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                demoRooms[(reader.GetGuid(0), reader.GetString(1))] = reader.GetGuid(2);
            }
        }
        long rows = 0;
        var inserted = new HashSet<Guid>();
        foreach (var unit in _units)
        {
            var list = new List<Practitioner>();
            var number = 0;
            async Task<Guid> RoomAsync(Staff staff, string demoRoom)
            {
                if (demoIds.Contains(staff.Id) && demoRooms.TryGetValue((unit.Id, demoRoom), out var existing))
                {
                    return existing;
                }
                var id = Guid.CreateVersion7();
                await using var command = new NpgsqlCommand(
                    "INSERT INTO agenda.rooms (id, unit_id, name, is_active) VALUES (@id, @unit, @name, true)", connection);
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("unit", unit.Id);
                command.Parameters.AddWithValue("name", $"Bureau {++number} ({staff.Name})");
                rows += await command.ExecuteNonQueryAsync();
                return id;
            }
            async Task AddAsync(Staff staff, string team, string category, string demoRoom)
            {
                if (list.Any(p => p.Staff.Id == staff.Id))
                {
                    return;
                }
                var demo = demoIds.Contains(staff.Id);
                if (!demo && inserted.Add(staff.Id))
                {
                    var parts = staff.Name.Replace("Dr ", "", StringComparison.Ordinal).Split(' ', 2);
                    await using var command = new NpgsqlCommand("""
                        INSERT INTO auth.users (id, first_name, last_name, team, is_active, is_demo, user_name, normalized_user_name,
                            security_stamp, concurrency_stamp, email_confirmed, phone_number_confirmed, two_factor_enabled,
                            lockout_enabled, access_failed_count)
                        VALUES (@id, @first, @last, @team, true, false, @user, upper(@user), @stamp, @stamp, false, false, false, true, 0);
                        INSERT INTO auth.user_roles (user_id, role_id) VALUES (@id, @role);
                        INSERT INTO auth.unit_memberships (user_id, unit_id) VALUES (@id, @unit);
                        """, connection);
                    command.Parameters.AddWithValue("id", staff.Id);
                    command.Parameters.AddWithValue("first", parts[0]);
                    command.Parameters.AddWithValue("last", parts.Length > 1 ? parts[1] : parts[0]);
                    command.Parameters.AddWithValue("team", team);
                    command.Parameters.AddWithValue("user", $"bench.{staff.Id:N}");
                    command.Parameters.AddWithValue("stamp", Guid.NewGuid().ToString("N"));
                    command.Parameters.AddWithValue("role", roles[staff.Role]);
                    command.Parameters.AddWithValue("unit", unit.Id);
                    rows += await command.ExecuteNonQueryAsync();
                }
                list.Add(new Practitioner(staff, team, category, await RoomAsync(staff, demoRoom), demo));
            }
            foreach (var physician in unit.Physicians.Where(s => s.Role is "Physician" or "Coordinator"))
            {
                await AddAsync(physician, "Somatic", "Physician", "Salle de consultation 1");
            }
            foreach (var nurse in unit.Nurses)
            {
                await AddAsync(nurse, "Somatic", "Nurse", "Salle de soins");
            }
            foreach (var psychiatrist in unit.Psychiatrists.Where(s => s.Role == "Psychiatrist"))
            {
                await AddAsync(psychiatrist, "Psychiatric", "Psychiatrist", "Salle de consultation 2");
            }
            foreach (var (_, staff, team) in _otherDemoStaff.Where(d => d.Unit == unit.Code))
            {
                await AddAsync(staff, team, staff.Role, staff.Role == "Dentist" ? "Cabinet dentaire" : "Bureau d'entretien");
            }
            _practitioners[unit.Id] = list;
        }
        return rows;
    }

    // ---------------------------------------------------------------- prison movements

    public long WriteMovements(NpgsqlConnection connection)
    {
        using var w = connection.BeginBinaryImport("""
            COPY core.prison_movements (id, unit_id, patient_id, ecrou, kind, date, establishment, imported_at, imported_by_name)
            FROM STDIN (FORMAT BINARY)
            """);
        long rows = 0;
        foreach (var p in _patients)
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + MovementSalt));
            void Row(string kind, DateTime at, string? establishment)
            {
                var imported = Utc(DateOnly.FromDateTime(at), 7, 30);
                w.StartRow();
                w.Write(Guid.CreateVersion7(new DateTimeOffset(imported)), NpgsqlDbType.Uuid);
                w.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                w.Write(p.Id, NpgsqlDbType.Uuid);
                w.Write(p.Ecrou, NpgsqlDbType.Varchar);
                w.Write(kind, NpgsqlDbType.Varchar);
                w.Write(DateOnly.FromDateTime(at), NpgsqlDbType.Date);
                Write(w, establishment, NpgsqlDbType.Varchar);
                w.Write(imported, NpgsqlDbType.TimestampTz);
                w.Write("Import GENESIS (banc d'essai)", NpgsqlDbType.Varchar);
                rows++;
            }
            // Most arrive from liberty (the entry visit is due); some are transferred in from another establishment.
            Row(random.NextDouble() < 0.85 ? "Arrival" : "TransferIn", p.Arrival, null);
            if (!p.Present)
            {
                var transferred = random.NextDouble() < 0.2;
                Row(transferred ? "TransferOut" : "Release", p.End, transferred ? "Centre pénitentiaire de Longuenesse" : null);
            }
        }
        w.Complete();
        return rows;
    }

    // ---------------------------------------------------------------- agenda

    private static readonly string[] SomaticReasons =
    [
        "Douleurs lombaires, réévaluation", "Suivi tensionnel", "Renouvellement de traitement", "Résultats de bilan sanguin",
        "Plaie à l'avant-bras, contrôle", "Toux persistante", "Suivi diabète", "Demande de certificat", "Céphalées",
    ];

    private static readonly string[] PsychiatricReasons =
    [
        "Insomnie, réévaluation du traitement", "Entretien de suivi", "Anxiété", "Idées noires signalées par le surveillant",
        "Suivi addictologique",
    ];

    private static readonly (string Outcome, string? Reason)[] Outcomes =
    [
        ("NotBrought", "StaffShortage"), ("NotBrought", "MovementsBlocked"), ("NotBrought", "NotCalled"), ("NotBrought", "OtherPrisonReason"),
        ("Absent", "Parloir"), ("Absent", "Court"), ("Absent", "Activity"), ("Absent", "DisciplinaryQuarters"),
        ("RefusedByPatient", null), ("ReleasedOrTransferred", null),
    ];

    /// <summary>
    /// The agenda of the patients present: about one appointment a fortnight each, Monday to Saturday, over the last
    /// months of their stay and the next weeks, held by the unit's practitioners in their own rooms on a grid of slots
    /// (no overlap, as the booking checks). Past ones carry their outcome and its appended record.
    /// </summary>
    public (long Appointments, long Outcomes) WriteAgenda(NpgsqlConnection appointmentsConnection, NpgsqlConnection outcomesConnection)
    {
        using var appointments = appointmentsConnection.BeginBinaryImport("""
            COPY agenda.appointments (id, unit_id, patient_id, practitioner_id, practitioner_name, room_id, kind, team, "from",
              care_request_id, recall_id, start, duration_minutes, reason, status, booked_at, booked_by_id, booked_by_name,
              outcome, outcome_reason, outcome_note, outcome_at) FROM STDIN (FORMAT BINARY)
            """);
        using var outcomes = outcomesConnection.BeginBinaryImport("""
            COPY agenda.appointment_outcomes (id, appointment_id, outcome, reason, note, correction, by_prison, by_id, by_name, at)
            FROM STDIN (FORMAT BINARY)
            """);
        long rows = 0, outcomeRows = 0;
        var today = Today;
        // Slots taken per practitioner and day, across units: a demo account works in both demo units.
        var used = new Dictionary<(Guid, DateOnly), int>();
        foreach (var unit in _units)
        {
            var random = new Random(_options.Seed ^ (_units.IndexOf(unit) * 31 + DaySalt));
            var present = _patients.Where(p => p.Unit == unit && p.Present).OrderBy(p => p.Arrival).ToArray();
            var practitioners = _practitioners[unit.Id];
            if (present.Length == 0 || practitioners.Count == 0)
            {
                continue;
            }
            for (var day = today.AddDays(-AgendaPastDays); day <= today.AddDays(AgendaAheadDays); day = day.AddDays(1))
            {
                if (day.DayOfWeek == DayOfWeek.Sunday)
                {
                    continue;
                }
                var dayStart = Utc(day, 0, 0);
                // Those present that day: arrivals sorted, so a prefix.
                var eligible = present.Length;
                while (eligible > 0 && present[eligible - 1].Arrival > dayStart)
                {
                    eligible--;
                }
                var count = (int)Stochastic(random, eligible / 12.0);
                for (var n = 0; n < count && eligible > 0; n++)
                {
                    var p = present[random.Next(eligible)];
                    var roll = random.NextDouble();
                    var category = roll < 0.45 ? "Physician" : roll < 0.7 ? "Nurse" : roll < 0.85 && p.Psychiatric ? "Psychiatrist"
                        : roll < 0.92 ? "Dentist" : p.Psychiatric ? "Psychologist" : "Physician";
                    var candidates = practitioners.Where(x => x.Category == category).ToList();
                    if (candidates.Count == 0)
                    {
                        candidates = [.. practitioners.Where(x => x.Category == "Physician")];
                    }
                    var who = candidates[random.Next(candidates.Count)];
                    // The demo accounts keep their demo hours free (seed-demo books them at 09:00 and from 14:00 to 15:30).
                    var grid = who.Demo ? DemoGrid : Grid;
                    var slot = used.GetValueOrDefault((who.Staff.Id, day));
                    if (slot >= grid.Length)
                    {
                        continue;
                    }
                    used[(who.Staff.Id, day)] = slot + 1;
                    var minutes = who.Category == "Nurse" ? 15 : 20;
                    var start = Utc(day, grid[slot].Hour, grid[slot].Minute);
                    var kind = who.Category switch
                    {
                        "Nurse" => p.Index % 7 == 0 ? "Tso" : "NursingCare",
                        "Dentist" => "Dental",
                        "Psychologist" => "Psychology",
                        "Psychiatrist" => roll < 0.8 ? "FollowUp" : "Consultation",
                        _ => roll < 0.2 ? "FollowUp" : roll < 0.23 ? "PreventionVisit" : "Consultation",
                    };
                    var booked = Truncate(start.AddDays(-random.Next(1, 10)).AddMinutes(random.Next(0, 400)));
                    if (booked > _now)
                    {
                        booked = _now.AddMinutes(-random.Next(1, 600));
                    }
                    var cancelled = random.NextDouble() < 0.04;
                    var past = start.AddHours(2) < _now;
                    (string Outcome, string? Reason)? outcome = !past || cancelled ? null
                        : random.NextDouble() < 0.82 ? ("Seen", null) : Outcomes[random.Next(Outcomes.Length)];
                    var id = Guid.CreateVersion7(new DateTimeOffset(booked));
                    var outcomeAt = start.AddHours(2);
                    appointments.StartRow();
                    appointments.Write(id, NpgsqlDbType.Uuid);
                    appointments.Write(unit.Id, NpgsqlDbType.Uuid);
                    appointments.Write(p.Id, NpgsqlDbType.Uuid);
                    appointments.Write(who.Staff.Id, NpgsqlDbType.Uuid);
                    appointments.Write(who.Staff.Name, NpgsqlDbType.Varchar);
                    appointments.Write(who.Room, NpgsqlDbType.Uuid);
                    appointments.Write(kind, NpgsqlDbType.Varchar);
                    appointments.Write(who.Team, NpgsqlDbType.Varchar);
                    appointments.Write("Chart", NpgsqlDbType.Varchar);
                    appointments.WriteNull();
                    appointments.WriteNull();
                    appointments.Write(start, NpgsqlDbType.TimestampTz);
                    appointments.Write(minutes, NpgsqlDbType.Integer);
                    appointments.Write(Pick(random, who.Team == "Psychiatric" ? PsychiatricReasons : SomaticReasons), NpgsqlDbType.Varchar);
                    appointments.Write(cancelled ? "Cancelled" : "Booked", NpgsqlDbType.Varchar);
                    appointments.Write(booked, NpgsqlDbType.TimestampTz);
                    appointments.Write(who.Staff.Id, NpgsqlDbType.Uuid);
                    appointments.Write(who.Staff.Name, NpgsqlDbType.Varchar);
                    Write(appointments, outcome?.Outcome, NpgsqlDbType.Varchar);
                    Write(appointments, outcome?.Reason, NpgsqlDbType.Varchar);
                    appointments.WriteNull();
                    Write(appointments, outcome is null ? null : outcomeAt);
                    rows++;
                    if (outcome is { } o)
                    {
                        // « Non amené » is the prison's word (its officer records it); the rest is the health staff's.
                        var byPrison = o.Outcome == "NotBrought" && _prisonOfficer is not null && unit.Exists;
                        outcomes.StartRow();
                        outcomes.Write(Guid.CreateVersion7(new DateTimeOffset(outcomeAt)), NpgsqlDbType.Uuid);
                        outcomes.Write(id, NpgsqlDbType.Uuid);
                        outcomes.Write(o.Outcome, NpgsqlDbType.Varchar);
                        Write(outcomes, o.Reason, NpgsqlDbType.Varchar);
                        outcomes.WriteNull();
                        outcomes.WriteNull();
                        outcomes.Write(o.Outcome == "NotBrought", NpgsqlDbType.Boolean);
                        outcomes.Write(byPrison ? _prisonOfficer!.Value.Id : who.Staff.Id, NpgsqlDbType.Uuid);
                        outcomes.Write(byPrison ? _prisonOfficer!.Value.Name : who.Staff.Name, NpgsqlDbType.Varchar);
                        outcomes.Write(outcomeAt, NpgsqlDbType.TimestampTz);
                        outcomeRows++;
                    }
                }
            }
        }
        appointments.Complete();
        outcomes.Complete();
        return (rows, outcomeRows);
    }

    private static readonly TimeOnly[] Grid = [.. Slots(8, 30, 11), .. Slots(13, 30, 11)];
    private static readonly TimeOnly[] DemoGrid = [.. Slots(10, 0, 6), .. Slots(15, 40, 6)];

    private static IEnumerable<TimeOnly> Slots(int hour, int minute, int count) =>
        Enumerable.Range(0, count).Select(i => new TimeOnly(hour, minute).AddMinutes(20 * i));

    // ---------------------------------------------------------------- treatments

    private const string Methadone = "99000012", Buprenorphine = "99000013", Cyamemazine = "99000024", PillBoxA = "99000046",
        PillBoxB = "99000045", Analgesic = "99000002";

    private static string LineJson(JsonObject template, DateOnly start, DateOnly end, string? mode = null)
    {
        var line = (JsonObject)template.DeepClone();
        line["Start"] = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        line["End"] = end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (mode is not null)
        {
            line["Mode"] = line["Mode"] is JsonValue v && v.TryGetValue<int>(out _) ? (int)Enum.Parse<UsmpCare.Domain.Treatments.DistributionMode>(mode) : mode;
        }
        return "[" + line.ToJsonString() + "]";
    }

    private static int TimesOf(JsonObject line) => line["Times"] is JsonValue v && v.TryGetValue<int>(out var times) ? times
        : (int)Enum.Parse<UsmpCare.Domain.Treatments.DoseTimes>((string)line["Times"]!);

    private static string ModeOf(JsonObject line) => line["Mode"] is JsonValue v && v.TryGetValue<int>(out var mode)
        ? ((UsmpCare.Domain.Treatments.DistributionMode)mode).ToString() : (string)line["Mode"]!;

    /// <summary>
    /// Treatments of the patients present: one in two has one; among them TSO (methadone renewed every 14 days,
    /// buprenorphine every 28, both taken in front of the nurse), a supervised psychotropic, a weekly pill-box or a daily
    /// analgesic — signed versions renewing each other over the last year of the stay, the current one covering today.
    /// The rounds' administrations of the supervised and daily lines are recorded day by day for the last
    /// <see cref="AdministrationDays"/> days (today's rounds are left to the nurses); TSO dose confirmations and the
    /// weekly pill-boxes of the last weeks complete it.
    /// </summary>
    public (long Prescriptions, long Administrations, long Confirmations, long PillBoxes) WriteTreatments(
        NpgsqlConnection prescriptionsConnection, NpgsqlConnection administrationsConnection, NpgsqlConnection othersConnection)
    {
        using var prescriptions = prescriptionsConnection.BeginBinaryImport("""
            COPY treatments.prescriptions (id, patient_id, unit_id, team, status, change, replaces_id, prescriber_id, prescriber_name,
              prescriber_rpps, created_at, signed_at, stop_reason, lines) FROM STDIN (FORMAT BINARY)
            """);
        using var administrations = administrationsConnection.BeginBinaryImport("""
            COPY treatments.administrations (id, patient_id, unit_id, prescription_id, line_index, prescriber_id, day, slot, drug_name,
              dose, dose_unit, mode, outcome, recorded_at, nurse_id, nurse_name, substitution) FROM STDIN (FORMAT BINARY)
            """);
        var confirmations = new List<(Guid Patient, Guid Unit, DateTime At, Staff Nurse)>();
        var pillBoxes = new List<(Patient Patient, string Contents)>();
        long prescriptionRows = 0, administrationRows = 0;
        var today = Today;
        foreach (var p in _patients.Where(p => p.Present))
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + TreatmentSalt));
            if (random.NextDouble() >= 0.5)
            {
                continue;
            }
            var roll = random.NextDouble();
            var (cis, period, mode) = roll < 0.09 ? (Methadone, 14, "Supervised")
                : roll < 0.22 ? (Buprenorphine, 28, "Supervised")
                : roll < 0.37 ? (Cyamemazine, 28, "Supervised")
                : roll < 0.67 ? (PillBoxA, 28, "WeeklyPillBox")
                : (Analgesic, 14, "Daily");
            var chains = new List<(string Cis, int Period, string Mode)> { (cis, period, mode) };
            if (mode != "WeeklyPillBox" && random.NextDouble() < 0.2)
            {
                chains.Add((PillBoxB, 28, "WeeklyPillBox"));
            }
            var arrival = DateOnly.FromDateTime(p.Arrival);
            foreach (var (drug, days, distribution) in chains)
            {
                var template = _lineTemplates[drug];
                var substitution = drug is Methadone or Buprenorphine;
                var times = TimesOf(template);
                var prescriber = drug == Cyamemazine && p.Psychiatric ? Pick(random, p.Unit.Psychiatrists.Where(s => s.Role == "Psychiatrist").ToArray())
                    : Pick(random, p.Unit.Physicians);
                var team = drug == Cyamemazine && p.Psychiatric ? "Psychiatric" : "Somatic";
                // The chain ends today or later: the last version is the one in force.
                var first = arrival.AddDays(random.Next(0, 3));
                var earliest = today.AddDays(-365);
                if (first < earliest)
                {
                    first = earliest.AddDays(random.Next(0, days));
                }
                Guid? previous = null;
                for (var start = first; start <= today; start = start.AddDays(days))
                {
                    var end = start.AddDays(days - 1);
                    var signed = Utc(start, 9, 0).AddMinutes(random.Next(0, 300));
                    if (signed > _now)
                    {
                        signed = _now.AddMinutes(-random.Next(1, 60));
                    }
                    var id = Guid.CreateVersion7(new DateTimeOffset(signed));
                    prescriptions.StartRow();
                    prescriptions.Write(id, NpgsqlDbType.Uuid);
                    prescriptions.Write(p.Id, NpgsqlDbType.Uuid);
                    prescriptions.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                    prescriptions.Write(team, NpgsqlDbType.Varchar);
                    prescriptions.Write("Signed", NpgsqlDbType.Varchar);
                    prescriptions.Write(previous is null ? "New" : "Renewal", NpgsqlDbType.Varchar);
                    Write(prescriptions, previous);
                    prescriptions.Write(prescriber.Id, NpgsqlDbType.Uuid);
                    prescriptions.Write(prescriber.Name, NpgsqlDbType.Varchar);
                    prescriptions.WriteNull();
                    prescriptions.Write(signed, NpgsqlDbType.TimestampTz);
                    prescriptions.Write(signed, NpgsqlDbType.TimestampTz);
                    prescriptions.WriteNull();
                    prescriptions.Write(LineJson(template, start, end, distribution), NpgsqlDbType.Jsonb);
                    prescriptionRows++;
                    previous = id;
                    if (distribution is "Supervised" or "Daily")
                    {
                        var from = start < today.AddDays(-AdministrationDays) ? today.AddDays(-AdministrationDays) : start;
                        for (var day = from; day <= end && day < today; day = day.AddDays(1))
                        {
                            foreach (var (slot, flag, hour) in RoundSlots)
                            {
                                if ((times & flag) == 0)
                                {
                                    continue;
                                }
                                var at = Utc(day, hour, random.Next(0, 50));
                                var nurse = Pick(random, p.Unit.Nurses);
                                var o = random.NextDouble();
                                var outcome = o < 0.93 ? "Given" : o < 0.96 ? "Refused" : o < 0.98 ? "AbsentVisit" : o < 0.99 ? "AbsentCourt" : "NotAvailable";
                                administrations.StartRow();
                                administrations.Write(Guid.CreateVersion7(new DateTimeOffset(at)), NpgsqlDbType.Uuid);
                                administrations.Write(p.Id, NpgsqlDbType.Uuid);
                                administrations.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                                administrations.Write(id, NpgsqlDbType.Uuid);
                                administrations.Write(0, NpgsqlDbType.Integer);
                                administrations.Write(prescriber.Id, NpgsqlDbType.Uuid);
                                administrations.Write(day, NpgsqlDbType.Date);
                                administrations.Write(slot, NpgsqlDbType.Varchar);
                                administrations.Write((string)template["DrugName"]!, NpgsqlDbType.Varchar);
                                administrations.Write(template["Dose"]!.GetValue<decimal>(), NpgsqlDbType.Numeric);
                                administrations.Write((string)template["DoseUnit"]!, NpgsqlDbType.Varchar);
                                administrations.Write(distribution, NpgsqlDbType.Varchar);
                                administrations.Write(outcome, NpgsqlDbType.Varchar);
                                administrations.Write(at, NpgsqlDbType.TimestampTz);
                                administrations.Write(nurse.Id, NpgsqlDbType.Uuid);
                                administrations.Write(nurse.Name, NpgsqlDbType.Varchar);
                                administrations.Write(substitution, NpgsqlDbType.Boolean);
                                administrationRows++;
                            }
                        }
                    }
                }
                if (substitution)
                {
                    // Issue #20 point 7: the dose confirmed with the outside prescriber or the CSAPA before the first one.
                    confirmations.Add((p.Id, p.Unit.Id, Utc(first, 8, 0).AddDays(-1) < p.Arrival ? p.Arrival : Utc(first, 8, 0).AddDays(-1),
                        Pick(random, p.Unit.Nurses)));
                }
                if (distribution == "WeeklyPillBox")
                {
                    pillBoxes.Add((p, $"{(string?)template["DrugName"]} : {template["Dose"]} {(string?)template["DoseUnit"]}"));
                }
            }
        }
        prescriptions.Complete();
        administrations.Complete();
        long confirmationRows = 0, pillBoxRows = 0;
        using (var w = othersConnection.BeginBinaryImport("""
            COPY treatments.tso_confirmations (id, patient_id, unit_id, start, confirmed_with, confirmed_at, recorded_by_id,
              recorded_by_name, recorded_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (patient, unit, at, nurse) in confirmations)
            {
                w.StartRow();
                w.Write(Guid.CreateVersion7(new DateTimeOffset(at)), NpgsqlDbType.Uuid);
                w.Write(patient, NpgsqlDbType.Uuid);
                w.Write(unit, NpgsqlDbType.Uuid);
                w.Write(confirmationRows % 3 == 0 ? "Initiation" : "Continuation", NpgsqlDbType.Varchar);
                w.Write("CSAPA Le Trait d'Union", NpgsqlDbType.Varchar);
                w.Write(at, NpgsqlDbType.TimestampTz);
                w.Write(nurse.Id, NpgsqlDbType.Uuid);
                w.Write(nurse.Name, NpgsqlDbType.Varchar);
                w.Write(at, NpgsqlDbType.TimestampTz);
                confirmationRows++;
            }
            w.Complete();
        }
        using (var w = othersConnection.BeginBinaryImport("""
            COPY treatments.pill_boxes (id, patient_id, unit_id, week_of, contents, prepared_by_id, prepared_by_name, prepared_at,
              checked_by_id, checked_by_name, checked_at) FROM STDIN (FORMAT BINARY)
            """))
        {
            // The last four weeks' pill-boxes, prepared on Friday and checked by a second nurse (this week's too).
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            foreach (var (p, contents) in pillBoxes.DistinctBy(b => b.Patient.Id))
            {
                for (var week = 0; week < 4; week++)
                {
                    var weekOf = monday.AddDays(-7 * week);
                    if (DateOnly.FromDateTime(p.Arrival) > weekOf)
                    {
                        break;
                    }
                    var prepared = Utc(weekOf.AddDays(-3), 14, 0);
                    var (by, check) = (p.Unit.Nurses[p.Index % p.Unit.Nurses.Length], p.Unit.Nurses[(p.Index + 1) % p.Unit.Nurses.Length]);
                    w.StartRow();
                    w.Write(Guid.CreateVersion7(new DateTimeOffset(prepared)), NpgsqlDbType.Uuid);
                    w.Write(p.Id, NpgsqlDbType.Uuid);
                    w.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                    w.Write(weekOf, NpgsqlDbType.Date);
                    w.Write(contents, NpgsqlDbType.Varchar);
                    w.Write(by.Id, NpgsqlDbType.Uuid);
                    w.Write(by.Name, NpgsqlDbType.Varchar);
                    w.Write(prepared, NpgsqlDbType.TimestampTz);
                    w.Write(check.Id, NpgsqlDbType.Uuid);
                    w.Write(check.Name, NpgsqlDbType.Varchar);
                    w.Write(prepared.AddHours(1), NpgsqlDbType.TimestampTz);
                    pillBoxRows++;
                }
            }
            w.Complete();
        }
        return (prescriptionRows, administrationRows, confirmationRows, pillBoxRows);
    }

    private static readonly (string Slot, int Flag, int Hour)[] RoundSlots =
        [("Morning", 1, 8), ("Noon", 2, 12), ("Evening", 4, 18), ("Bedtime", 8, 21)];

    // ---------------------------------------------------------------- entry visits, results and recalls

    /// <summary>
    /// The structured entry visits of the arrivals of the last <see cref="EntryVisitDays"/> days (each cites the somatic
    /// arrival consultation), and what a visit produces: the chest X-ray and the serologies accepted, their results for the
    /// older ones (most acknowledged by a physician), recalls to offer a refused screening again and the vaccine doses due.
    /// </summary>
    public (long Visits, long Orders, long Results, long Acknowledgements, long Recalls) WriteEntryVisits(
        NpgsqlConnection visitsConnection, NpgsqlConnection ordersConnection, NpgsqlConnection resultsConnection,
        NpgsqlConnection acknowledgementsConnection, NpgsqlConnection recallsConnection)
    {
        using var visits = visitsConnection.BeginBinaryImport("""
            COPY somatic.entry_visits (id, patient_id, unit_id, entry_id, arrival_date, answers, information_sheet_id, signed_at,
              signed_by_id, signed_by_name) FROM STDIN (FORMAT BINARY)
            """);
        using var orders = ordersConnection.BeginBinaryImport("""
            COPY followup.test_orders (id, patient_id, unit_id, team, exam, other_label, ordered_on, ordered_at, ordered_by_id,
              ordered_by_name) FROM STDIN (FORMAT BINARY)
            """);
        using var results = resultsConnection.BeginBinaryImport("""
            COPY followup.test_results (order_id, value, unit, reference_range, qualitative, text, result_on, entered_at,
              entered_by_id, entered_by_name) FROM STDIN (FORMAT BINARY)
            """);
        using var acknowledgements = acknowledgementsConnection.BeginBinaryImport(
            "COPY followup.result_acknowledgements (order_id, at, by_id, by_name) FROM STDIN (FORMAT BINARY)");
        using var recalls = recallsConnection.BeginBinaryImport("""
            COPY followup.recalls (id, patient_id, unit_id, team, reason, detail, due_on, state, vaccine, appointment_id, created_at,
              created_by_id, created_by_name, closed_at, cancel_reason) FROM STDIN (FORMAT BINARY)
            """);
        long visitRows = 0, orderRows = 0, resultRows = 0, ackRows = 0, recallRows = 0;
        var today = Today;
        var answers = (JsonObject)JsonNode.Parse(_entryVisitAnswers)!;
        var numeric = answers["Hiv"] is JsonValue v && v.TryGetValue<int>(out _);
        foreach (var p in _patients.Where(p => p.Present && !p.AwaitingVisit && p.SomaticEntries > 0
                     && (_now - p.Arrival).TotalDays < EntryVisitDays))
        {
            var random = new Random(_options.Seed ^ (p.Index * 31 + FollowupSalt));
            var physician = ArrivalPhysician(p);
            var signed = ArrivalSignedAt(p);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(signed, Paris));
            // Screenings offered at entry: the chest X-ray is mandatory, the serologies accepted about four times in five.
            var accepted = new Dictionary<string, bool>
            {
                ["Hiv"] = random.NextDouble() < 0.8, ["HepatitisB"] = random.NextDouble() < 0.8, ["HepatitisC"] = random.NextDouble() < 0.8,
            };
            var answer = (JsonObject)answers.DeepClone();
            foreach (var (key, yes) in accepted)
            {
                answer[key] = numeric ? (int)(yes ? UsmpCare.Domain.Records.ScreeningAnswer.Accepted : UsmpCare.Domain.Records.ScreeningAnswer.Refused)
                    : (yes ? "Accepted" : "Refused");
            }
            visits.StartRow();
            visits.Write(Guid.CreateVersion7(new DateTimeOffset(signed)), NpgsqlDbType.Uuid);
            visits.Write(p.Id, NpgsqlDbType.Uuid);
            visits.Write(p.Unit.Id, NpgsqlDbType.Uuid);
            visits.Write(p.ArrivalEntryId, NpgsqlDbType.Uuid);
            visits.Write(DateOnly.FromDateTime(p.Arrival), NpgsqlDbType.Date);
            visits.Write(answer.ToJsonString(), NpgsqlDbType.Jsonb);
            visits.WriteNull();
            visits.Write(signed, NpgsqlDbType.TimestampTz);
            visits.Write(physician.Id, NpgsqlDbType.Uuid);
            visits.Write(physician.Name, NpgsqlDbType.Varchar);
            visitRows++;

            var exams = new List<string> { "ChestXray" };
            exams.AddRange(accepted.Where(a => a.Value).Select(a => a.Key == "Hiv" ? "HivSerology" : a.Key + "Serology"));
            foreach (var exam in exams)
            {
                var orderId = Guid.CreateVersion7(new DateTimeOffset(signed));
                orders.StartRow();
                orders.Write(orderId, NpgsqlDbType.Uuid);
                orders.Write(p.Id, NpgsqlDbType.Uuid);
                orders.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                orders.Write("Somatic", NpgsqlDbType.Varchar);
                orders.Write(exam, NpgsqlDbType.Varchar);
                orders.WriteNull();
                orders.Write(day, NpgsqlDbType.Date);
                orders.Write(signed, NpgsqlDbType.TimestampTz);
                orders.Write(physician.Id, NpgsqlDbType.Uuid);
                orders.Write(physician.Name, NpgsqlDbType.Varchar);
                orderRows++;
                // Results come back within days; the most recent orders are still pending.
                var resultOn = day.AddDays(random.Next(2, 10));
                if (resultOn >= today || random.NextDouble() < 0.1)
                {
                    continue;
                }
                var entered = Utc(resultOn, 15, random.Next(0, 59));
                var nurse = Pick(random, p.Unit.Nurses);
                var positive = exam != "ChestXray" && random.NextDouble() < 0.04;
                results.StartRow();
                results.Write(orderId, NpgsqlDbType.Uuid);
                results.WriteNull();
                results.WriteNull();
                results.WriteNull();
                Write(results, exam == "ChestXray" ? null : positive ? "Positive" : "Negative", NpgsqlDbType.Varchar);
                Write(results, exam == "ChestXray" ? "Pas d'image suspecte de tuberculose" : positive ? "À contrôler" : null, NpgsqlDbType.Varchar);
                results.Write(resultOn, NpgsqlDbType.Date);
                results.Write(entered, NpgsqlDbType.TimestampTz);
                results.Write(nurse.Id, NpgsqlDbType.Uuid);
                results.Write(nurse.Name, NpgsqlDbType.Varchar);
                resultRows++;
                if (resultOn.AddDays(2) < today && random.NextDouble() < 0.85)
                {
                    acknowledgements.StartRow();
                    acknowledgements.Write(orderId, NpgsqlDbType.Uuid);
                    acknowledgements.Write(entered.AddDays(1), NpgsqlDbType.TimestampTz);
                    acknowledgements.Write(physician.Id, NpgsqlDbType.Uuid);
                    acknowledgements.Write(physician.Name, NpgsqlDbType.Varchar);
                    ackRows++;
                }
            }
            void Recall(string reason, string detail, DateOnly due, string? vaccine)
            {
                var state = due < today.AddDays(-14) ? (random.NextDouble() < 0.7 ? "Done" : "Cancelled") : "Due";
                recalls.StartRow();
                recalls.Write(Guid.CreateVersion7(new DateTimeOffset(signed)), NpgsqlDbType.Uuid);
                recalls.Write(p.Id, NpgsqlDbType.Uuid);
                recalls.Write(p.Unit.Id, NpgsqlDbType.Uuid);
                recalls.Write("Somatic", NpgsqlDbType.Varchar);
                recalls.Write(reason, NpgsqlDbType.Varchar);
                recalls.Write(detail, NpgsqlDbType.Varchar);
                recalls.Write(due, NpgsqlDbType.Date);
                recalls.Write(state, NpgsqlDbType.Varchar);
                Write(recalls, vaccine, NpgsqlDbType.Varchar);
                recalls.WriteNull();
                recalls.Write(signed, NpgsqlDbType.TimestampTz);
                recalls.Write(physician.Id, NpgsqlDbType.Uuid);
                recalls.Write(physician.Name, NpgsqlDbType.Varchar);
                Write(recalls, state == "Due" ? null : Utc(due, 11, 0));
                Write(recalls, state == "Cancelled" ? "Patient libéré avant le rappel" : null, NpgsqlDbType.Varchar);
                recallRows++;
            }
            foreach (var (key, _) in accepted.Where(a => !a.Value))
            {
                Recall("Screening", $"Dépistage refusé à l'entrée ({key}), à reproposer", day.AddDays(90), null);
            }
            if (random.NextDouble() < 0.5)
            {
                Recall("VaccineDose", "Rattrapage vaccinal", day.AddDays(30), random.NextDouble() < 0.5 ? "HepatitisB" : "Dtp");
            }
            if (random.NextDouble() < 0.15)
            {
                Recall("ChronicFollowUp", "Suivi de maladie chronique", day.AddDays(random.Next(20, 80)), null);
            }
        }
        visits.Complete();
        orders.Complete();
        results.Complete();
        acknowledgements.Complete();
        recalls.Complete();
        return (visitRows, orderRows, resultRows, ackRows, recallRows);
    }
}
