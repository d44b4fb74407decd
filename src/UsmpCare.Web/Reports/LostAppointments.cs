using UsmpCare.Domain.Agenda;

namespace UsmpCare.Web.Reports;

/// <summary>
/// The unit's appointments lost and why (issue #21, point 3): the figures of the health–prison dialogue (seed 003) —
/// how many were not honoured, by cause (refusal, the prison's reasons for « non amené », absences, release or
/// transfer), over the period and month by month. Counts only, from the closed lists: never a note, never a patient.
/// </summary>
public static class LostAppointments
{
    public const string Section = "Rendez-vous à l'unité : honorés et perdus";

    private static readonly AppointmentOutcome[] Lost =
        [AppointmentOutcome.RefusedByPatient, AppointmentOutcome.NotBrought, AppointmentOutcome.Absent, AppointmentOutcome.ReleasedOrTransferred];

    public static async Task<IReadOnlyList<Indicator>> IndicatorsAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Start >= start && a.Start < end && a.Status == AppointmentStatus.Booked)
            .Select(a => new { a.Start, a.Outcome, a.OutcomeReason })
            .ToListAsync();
        var lost = rows.Where(r => r.Outcome is { } o && o != AppointmentOutcome.Seen).ToList();
        var list = new List<Indicator>
        {
            new("RDV-01", Section, "Rendez-vous prévus (hors annulés)", rows.Count, IndicatorUnit.Count),
            new("RDV-02", Section, "Rendez-vous honorés (patient vu)", rows.Count(r => r.Outcome == AppointmentOutcome.Seen), IndicatorUnit.Count),
            new("RDV-03", Section, "Rendez-vous perdus", lost.Count, IndicatorUnit.Count),
        };
        foreach (var outcome in Lost)
        {
            var reasons = Appointment.ReasonsFor(outcome);
            if (reasons.Count == 0)
            {
                list.Add(new($"RDV-03-{outcome}", Section, $"Perdus : {Appointment.Labels.Of(outcome).ToLowerInvariant()}",
                    lost.Count(r => r.Outcome == outcome), IndicatorUnit.Count));
            }
            foreach (var reason in reasons)
            {
                list.Add(new($"RDV-03-{outcome}-{reason}", Section,
                    $"Perdus : {Appointment.Labels.Of(outcome).ToLowerInvariant()} — {Appointment.Labels.Of(reason)}",
                    lost.Count(r => r.Outcome == outcome && r.OutcomeReason == reason), IndicatorUnit.Count));
            }
        }
        list.Add(new("RDV-04", Section, "Rendez-vous sans issue enregistrée", rows.Count(r => r.Outcome is null), IndicatorUnit.Count));
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            var code = $"RDV-{month:yyyyMM}";
            var label = GuardPresence.MonthLabel(month);
            var inMonth = lost.Where(r => GuardPresence.MonthOf(r.Start) == month).ToList();
            list.Add(new(code, Section, $"{label} : rendez-vous perdus", inMonth.Count, IndicatorUnit.Count));
            foreach (var outcome in Lost)
            {
                list.Add(new($"{code}-{outcome}", Section, $"{label} : {Appointment.Labels.Of(outcome).ToLowerInvariant()}",
                    inMonth.Count(r => r.Outcome == outcome), IndicatorUnit.Count));
            }
        }
        return list;
    }
}
