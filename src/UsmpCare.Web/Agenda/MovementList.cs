using System.Globalization;
using System.Text;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Agenda;

/// <summary>
/// One person the prison brings to the unit: who, where he is held, when — and « Unité sanitaire », nothing else. No
/// practitioner, team, room, kind or reason is even read (P05; the associations of prison medicine ask that the
/// prison's view of the agenda never reveal the kind of consultation). <see cref="Prison"/> is what the prison itself
/// recorded (« non amené » and its reason), or an absence; an outcome of the care (seen, refused) is not its to read.
/// </summary>
public sealed record Movement(Guid AppointmentId, DateTimeOffset At, string LastName, string FirstName, string Ecrou,
    string? Cell, string? Wing, string? Prison)
{
    public const string Place = "Unité sanitaire";
}

/// <summary>The day's movement list of the unit (issue #21, point 3): page, print and CSV are this one list.</summary>
public static class MovementList
{
    /// <summary>The CSV's columns, in order (docs/operations.md « Liste des mouvements »).</summary>
    public const string CsvHeader = "date;heure;nom;prenom;ecrou;cellule;batiment;lieu;non_amene";

    /// <summary>The unit's booked appointments of the day whose patient is present, by time then name: one index range.</summary>
    public static async Task<IReadOnlyList<Movement>> OfDayAsync(AppDbContext db, Guid unitId, DateOnly day)
    {
        var (start, end) = (Fr.FromLocal(day.ToDateTime(TimeOnly.MinValue)), Fr.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Start >= start && a.Start < end && a.Status == AppointmentStatus.Booked)
            .Join(db.Patients.Where(Patient.Present), a => a.PatientId, p => p.Id, (a, p) => new
            {
                a.Id, a.Start, a.Outcome, a.OutcomeReason, p.LastName, p.FirstName, p.Ecrou, p.Cell, p.Wing,
            })
            .OrderBy(x => x.Start).ThenBy(x => x.LastName).ThenBy(x => x.FirstName)
            .ToListAsync();
        return [.. rows.Select(x => new Movement(x.Id, x.Start, x.LastName.ToUpperInvariant(), x.FirstName, x.Ecrou, x.Cell, x.Wing,
            PrisonSide(x.Outcome, x.OutcomeReason)))];
    }

    /// <summary>What the prison may read of an outcome: its own « non amené » or an absence it caused, with the reason.</summary>
    public static string? PrisonSide(AppointmentOutcome? outcome, OutcomeReason? reason) => outcome switch
    {
        AppointmentOutcome.NotBrought or AppointmentOutcome.Absent =>
            Appointment.Labels.Of(outcome.Value) + (reason is { } r ? " : " + Appointment.Labels.Of(r) : ""),
        _ => null,
    };

    /// <summary>« ; » separated, UTF-8 with a BOM, one row per movement: what the prison's software loads as is.</summary>
    public static byte[] Csv(IReadOnlyList<Movement> movements)
    {
        var csv = new StringBuilder();
        csv.AppendLine(CsvHeader);
        foreach (var m in movements)
        {
            var local = Fr.Local(m.At);
            csv.AppendLine(string.Join(';', local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                local.ToString("HH:mm", CultureInfo.InvariantCulture), CsvCell.Escape(m.LastName), CsvCell.Escape(m.FirstName),
                CsvCell.Escape(m.Ecrou), CsvCell.Escape(m.Cell ?? ""), CsvCell.Escape(m.Wing ?? ""), Movement.Place,
                CsvCell.Escape(m.Prison ?? "")));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
