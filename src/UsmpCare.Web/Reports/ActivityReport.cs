using System.Globalization;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Reports;

/// <summary>A period of whole days in the unit's time (Europe/Paris), both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => Fr.FromLocal(From.ToDateTime(TimeOnly.MinValue));

    /// <summary>Exclusive end: midnight after the last day.</summary>
    public DateTimeOffset End => Fr.FromLocal(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public string Label => $"du {Fr.Date(From)} au {Fr.Date(To)}";

    public static ReportPeriod YearToDate(DateOnly today) => new(new DateOnly(today.Year, 1, 1), today);

    public static ReportPeriod? TryCreate(DateOnly? from, DateOnly? to, DateOnly today, out string? problem)
    {
        var period = new ReportPeriod(from ?? new DateOnly(today.Year, 1, 1), to ?? today);
        problem = period.To < period.From ? "La fin de la période précède son début."
            : period.To.DayNumber - period.From.DayNumber > 3 * 366 ? "La période ne peut pas dépasser trois ans."
            : null;
        return problem is null ? period : null;
    }
}

public enum IndicatorUnit
{
    Count,
    Hours,
    Days,
    Minutes,
}

/// <summary>
/// One figure of a report. <see cref="Basis"/> is the number of events a median was computed on (null for a count):
/// a median over fewer than five events describes almost individuals, so it is suppressed like a small count.
/// </summary>
public sealed record Indicator(string Code, string Section, string Label, double? Value, IndicatorUnit Unit, int? Basis = null)
{
    /// <summary>What a masked figure reads: a statement, not a value, so no unit may follow it (« &lt;5 heures » did).</summary>
    public static readonly string Masked = $"masqué (< {ActivityReport.SmallCount.ToString(CultureInfo.InvariantCulture)} cas)";

    /// <summary>
    /// Whether the figure may not leave the unit: counts below 5 (and medians over fewer than 5 events), so that no
    /// detainee can be recognised from a figure handed to the ARS or to the prison's direction (seed 003, CNIL
    /// guidance on aggregated health statistics). Zero is below 5 too: the rule is applied as written.
    /// </summary>
    public bool IsMasked(bool leavesUnit) =>
        leavesUnit && (Unit == IndicatorUnit.Count ? Value is < ActivityReport.SmallCount : Basis is < ActivityReport.SmallCount);

    /// <summary>The figure alone: « 12,5 », or <see cref="Masked"/> when it may not leave the unit.</summary>
    public string Shown(bool leavesUnit)
    {
        if (IsMasked(leavesUnit))
        {
            return Masked;
        }
        return Value switch
        {
            null => "—",
            { } v when Unit == IndicatorUnit.Count => v.ToString("0", Fr.Culture),
            { } v => v.ToString("0.0", Fr.Culture),
        };
    }

    /// <summary>The figure and its unit (« 23,0 heures »); a masked or missing figure has no unit after it.</summary>
    public string ShownWithUnit(bool leavesUnit) =>
        IsMasked(leavesUnit) || Unit == IndicatorUnit.Count || Value is null ? Shown(leavesUnit) : $"{Shown(leavesUnit)} {UnitLabel}";

    public string UnitLabel => Unit switch
    {
        IndicatorUnit.Count => "nombre",
        IndicatorUnit.Hours => "heures",
        IndicatorUnit.Days => "jours",
        _ => "minutes",
    };
}

/// <summary>
/// The unit's activity report (the figures the USMP sends each year to its ARS, as in the PIRAMIG collection) and
/// the partnership sheet of the health–justice coordination meeting. Everything is computed from recorded facts,
/// never typed; each indicator's definition is in docs/indicators.md under its code.
/// </summary>
public static class ActivityReport
{
    public const int SmallCount = 5;

    public const string Arrivals = "Arrivées et visites d'entrée";
    public const string Consultations = "Consultations";
    public const string PreRelease = "Visites pré-libération";
    public const string Requests = "Demandes de soins";
    public const string Extractions = "Extractions médicales";
    public const string Hospitalisations = "Hospitalisations";
    public const string Documents = "Certificats et attestations";
    public const string Administration = "Demandes de l'administration pénitentiaire";
    public const string HungerStrikes = "Grèves de la faim";
    public const string Escorts = "Escortes";

    public static async Task<IReadOnlyList<Indicator>> ComputeAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var list = new List<Indicator>();

        // Arrivals and the entry visit (visite médicale d'entrée, by the somatic team).
        var arrivals = await ArrivalDelaysAsync(db, unitId, period);
        list.Add(new("ARR-01", Arrivals, "Arrivées", arrivals.Count, IndicatorUnit.Count));
        list.Add(new("ARR-02", Arrivals, "Arrivées vues en visite d'entrée", arrivals.Count(a => a.Hours is not null), IndicatorUnit.Count));
        list.Add(new("ARR-03", Arrivals, "Arrivées sans visite d'entrée", arrivals.Count(a => a.Hours is null), IndicatorUnit.Count));
        var delays = arrivals.Where(a => a.Hours is not null).Select(a => a.Hours!.Value).ToList();
        list.Add(new("ARR-04", Arrivals, "Délai médian arrivée → visite d'entrée", Median(delays), IndicatorUnit.Hours, delays.Count));

        // Consultations by team and type; nursing activity by team.
        foreach (var team in Enum.GetValues<Team>())
        {
            var signed = db.Entries(team).AsNoTracking()
                .Where(ClinicalEntry.Signed).Where(e => e.UnitId == unitId && e.OccurredAt >= start && e.OccurredAt < end);
            var byType = await signed.Where(e => e.Kind == EntryKind.Consultation)
                .GroupBy(e => e.ConsultationType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var prefix = team == Team.Somatic ? "CS" : "CP";
            var teamLabel = team == Team.Somatic ? "somatiques" : "psychiatriques";
            list.Add(new($"{prefix}-00", Consultations, $"Consultations {teamLabel} (toutes)", byType.Sum(t => t.Count), IndicatorUnit.Count));
            foreach (var type in Enum.GetValues<ConsultationType>())
            {
                list.Add(new($"{prefix}-{type}", Consultations, $"Consultations {teamLabel} : {TypeLabel(type)}",
                    byType.Where(t => t.Key == type).Sum(t => t.Count), IndicatorUnit.Count));
            }
            var nursing = await signed.CountAsync(e => e.Kind == EntryKind.NursingNote);
            list.Add(new($"{prefix}-NURSE", Consultations, $"Transmissions infirmières ({(team == Team.Somatic ? "somatique" : "psychiatrie")})", nursing, IndicatorUnit.Count));
        }

        // P01: consultations held with a guard in the room, by month, ground and physician.
        list.AddRange(await GuardPresence.IndicatorsAsync(db, unitId, period));

        // Pre-release visits (L.322-7 code pénitentiaire, P31): every plan whose visit was recorded in the period.
        var visits = await db.ReleasePlans.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.Visit != null && r.VisitAt >= start && r.VisitAt < end)
            .GroupBy(r => r.Visit).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        list.Add(new("PRL-01", PreRelease, "Visites pré-libération proposées", visits.Sum(v => v.Count), IndicatorUnit.Count));
        list.Add(new("PRL-02", PreRelease, "Visites pré-libération faites", visits.Where(v => v.Key == PreReleaseVisitStatus.Done).Sum(v => v.Count), IndicatorUnit.Count));
        list.Add(new("PRL-03", PreRelease, "Visites pré-libération refusées par le patient", visits.Where(v => v.Key == PreReleaseVisitStatus.Declined).Sum(v => v.Count), IndicatorUnit.Count));

        // Letter-box care requests (P33): received in the period, and how long those answered in it waited.
        var received = await db.CareRequests.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.CollectedAt >= start && r.CollectedAt < end)
            .GroupBy(r => r.Team).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        list.Add(new("DEM-01", Requests, "Demandes de soins reçues", received.Sum(r => r.Count), IndicatorUnit.Count));
        foreach (var team in Enum.GetValues<RequestTeam>())
        {
            list.Add(new($"DEM-01-{team}", Requests, $"Demandes reçues : {Labels.Of(team)}", received.Where(r => r.Key == team).Sum(r => r.Count), IndicatorUnit.Count));
        }
        var waits = (await db.CareRequests.AsNoTracking()
                .Where(r => r.UnitId == unitId && r.Status == CareRequestStatus.SeenInConsultation && r.AnsweredAt >= start && r.AnsweredAt < end)
                .Select(r => new { r.CollectedAt, r.AnsweredAt }).ToListAsync())
            .Select(r => (r.AnsweredAt!.Value - r.CollectedAt).TotalHours).ToList();
        list.Add(new("DEM-02", Requests, "Demandes vues en consultation", waits.Count, IndicatorUnit.Count));
        list.Add(new("DEM-03", Requests, "Attente médiane dépôt → consultation", Median(waits), IndicatorUnit.Hours, waits.Count));
        list.Add(new("DEM-04", Requests, "Attente au 90e centile dépôt → consultation", Percentile(waits, 0.9), IndicatorUnit.Hours, waits.Count));
        var open = await db.CareRequests.AsNoTracking().Where(CareRequest.Open)
            .CountAsync(r => r.UnitId == unitId && r.CollectedAt < end);
        list.Add(new("DEM-05", Requests, "Demandes encore ouvertes (reçues avant la fin de la période)", open, IndicatorUnit.Count));

        // Extractions (P32) and hospitalisations.
        var appointments = db.ExternalAppointments.AsNoTracking().Where(a => a.UnitId == unitId);
        var consultations = appointments.Where(a => a.Kind == AppointmentKind.Consultation);
        list.Add(new("EXT-01", Extractions, "Extractions demandées", await consultations.CountAsync(a => a.RequestedAt >= start && a.RequestedAt < end), IndicatorUnit.Count));
        list.Add(new("EXT-02", Extractions, "Extractions réalisées", await consultations.CountAsync(a => a.DoneAt >= start && a.DoneAt < end), IndicatorUnit.Count));
        var cancelled = await consultations.Where(a => a.Status == EscortStatus.Cancelled && a.CancelledAt >= start && a.CancelledAt < end)
            .Select(a => new { a.CancellationCause, a.CancelledBy }).ToListAsync();
        list.Add(new("EXT-03", Extractions, "Extractions annulées", cancelled.Count, IndicatorUnit.Count));
        foreach (var cause in Enum.GetValues<CancellationCause>())
        {
            list.Add(new($"EXT-03-{cause}", Extractions, $"Annulées : {ExternalAppointment.Label(cause)}",
                cancelled.Count(c => CauseOf(c.CancellationCause, c.CancelledBy) == cause), IndicatorUnit.Count));
        }
        var hospitalised = await appointments.Where(a => a.Kind != AppointmentKind.Consultation && a.DoneAt >= start && a.DoneAt < end)
            .GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        list.Add(new("HOS-01", Hospitalisations, "Hospitalisations en UHSI", hospitalised.Where(h => h.Key == AppointmentKind.HospitalisationUhsi).Sum(h => h.Count), IndicatorUnit.Count));
        list.Add(new("HOS-02", Hospitalisations, "Hospitalisations en UHSA", hospitalised.Where(h => h.Key == AppointmentKind.HospitalisationUhsa).Sum(h => h.Count), IndicatorUnit.Count));
        list.Add(new("HOS-03", Hospitalisations, "Autres hospitalisations", hospitalised.Where(h => h.Key == AppointmentKind.HospitalisationOther).Sum(h => h.Count), IndicatorUnit.Count));

        // Certificates and attestations issued, by kind (a replacement counts as a new issue: it is one).
        var documents = await db.IssuedDocuments.AsNoTracking().Where(d => d.UnitId == unitId && d.IssuedAt >= start && d.IssuedAt < end)
            .GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        list.Add(new("DOC-00", Documents, "Documents établis (tous)", documents.Sum(d => d.Count), IndicatorUnit.Count));
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            list.Add(new($"DOC-{kind}", Documents, Catalogue.Of(kind).Title, documents.Where(d => d.Key == kind).Sum(d => d.Count), IndicatorUnit.Count));
        }

        list.AddRange(await AdministrationAsync(db, unitId, period));
        list.AddRange(await LostAppointments.IndicatorsAsync(db, unitId, period));

        var strikes = db.HungerStrikes.AsNoTracking().Where(h => h.UnitId == unitId);
        list.Add(new("GRV-01", HungerStrikes, "Grèves de la faim commencées", await strikes.CountAsync(h => h.StartedOn >= period.From && h.StartedOn <= period.To), IndicatorUnit.Count));
        list.Add(new("GRV-02", HungerStrikes, "Grèves de la faim terminées", await strikes.CountAsync(h => h.EndedOn >= period.From && h.EndedOn <= period.To), IndicatorUnit.Count));
        list.Add(new("GRV-03", HungerStrikes, "Grèves de la faim en cours à la fin de la période",
            await strikes.CountAsync(h => h.StartedOn <= period.To && (h.EndedOn == null || h.EndedOn > period.To)), IndicatorUnit.Count));
        return list;
    }

    /// <summary>
    /// The partnership sheet: counts only, nothing that names or describes a patient, so that it can be handed to the
    /// prison's direction at the health–justice coordination meeting (seed 003).
    /// </summary>
    public static async Task<IReadOnlyList<Indicator>> PartnershipAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var list = new List<Indicator>();
        var appointments = db.ExternalAppointments.AsNoTracking().Where(a => a.UnitId == unitId);
        list.Add(new("ESC-01", Escorts, "Rendez-vous extérieurs prévus dans la période", await appointments.CountAsync(a => a.At >= start && a.At < end), IndicatorUnit.Count));
        list.Add(new("ESC-02", Escorts, "Rendez-vous extérieurs réalisés", await appointments.CountAsync(a => a.DoneAt >= start && a.DoneAt < end), IndicatorUnit.Count));
        var cancelled = await appointments.Where(a => a.Status == EscortStatus.Cancelled && a.CancelledAt >= start && a.CancelledAt < end)
            .Select(a => new { a.CancellationCause, a.CancelledBy, a.At, a.CancelledAt }).ToListAsync();
        list.Add(new("ESC-03", Escorts, "Rendez-vous annulés", cancelled.Count, IndicatorUnit.Count));
        foreach (var cause in Enum.GetValues<CancellationCause>())
        {
            list.Add(new($"ESC-03-{cause}", Escorts, $"Annulés : {ExternalAppointment.Label(cause)}",
                cancelled.Count(c => CauseOf(c.CancellationCause, c.CancelledBy) == cause), IndicatorUnit.Count));
        }
        list.Add(new("ESC-04", Escorts, "Annulés moins de 24 h avant le rendez-vous",
            cancelled.Count(c => c.At - c.CancelledAt!.Value < TimeSpan.FromHours(24)), IndicatorUnit.Count));
        var late = await appointments.Where(a => a.DoneAt >= start && a.DoneAt < end && a.EscortDelayMinutes != null)
            .Select(a => a.EscortDelayMinutes!.Value).ToListAsync();
        list.Add(new("ESC-05", Escorts, "Rendez-vous réalisés avec une escorte en retard", late.Count, IndicatorUnit.Count));
        list.Add(new("ESC-06", Escorts, "Retard médian de l'escorte", Median([.. late.Select(m => (double)m)]), IndicatorUnit.Minutes, late.Count));
        list.Add(new("ESC-07", Escorts, "Rendez-vous perdus du fait de l'escorte (indisponible ou en retard)",
            cancelled.Count(c => CauseOf(c.CancellationCause, c.CancelledBy) is CancellationCause.EscortUnavailable or CancellationCause.EscortLate), IndicatorUnit.Count));
        list.AddRange(await AdministrationAsync(db, unitId, period));
        // Seed 003: the appointments the prison did not bring are the first subject of the health–prison dialogue.
        list.AddRange(await LostAppointments.IndicatorsAsync(db, unitId, period));
        return list;
    }

    private static async Task<IReadOnlyList<Indicator>> AdministrationAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        var requests = db.AdministrationRequests.AsNoTracking().Where(r => r.UnitId == unitId);
        var list = new List<Indicator>
        {
            new("AP-01", Administration, "Demandes reçues", await requests.CountAsync(r => r.RequestedAt >= start && r.RequestedAt < end), IndicatorUnit.Count),
            new("AP-02", Administration, "Demandes acceptées (document établi)",
                await requests.CountAsync(r => r.Status == RequestStatus.Accepted && r.RepliedAt >= start && r.RepliedAt < end), IndicatorUnit.Count),
        };
        // Refusals are counted by ground, never by their free text: that text may name the patient.
        var refused = await requests.Where(r => r.Status == RequestStatus.Refused && r.RepliedAt >= start && r.RepliedAt < end)
            .Select(r => r.RefusalGround).ToListAsync();
        list.Add(new("AP-03", Administration, "Demandes refusées", refused.Count, IndicatorUnit.Count));
        foreach (var ground in Enum.GetValues<RefusalGround>())
        {
            list.Add(new($"AP-03-{ground}", Administration, $"Refusées : {AdministrationRequest.Label(ground)}",
                refused.Count(g => (g ?? RefusalGround.Other) == ground), IndicatorUnit.Count));
        }
        list.Add(new("AP-04", Administration, "Demandes en attente de réponse à la fin de la période",
            await requests.CountAsync(r => r.RequestedAt < end && (r.Status == RequestStatus.Pending || r.RepliedAt >= end)), IndicatorUnit.Count));
        return list;
    }

    /// <summary>A patient's arrival in the period and, if seen, the hours from arrival to the entry visit.</summary>
    public sealed record ArrivalDelay(Guid PatientId, DateOnly ArrivalDate, double? Hours);

    /// <summary>
    /// Arrivals of the period and their entry visit: the first signed somatic consultation of type « visite d'entrée »
    /// on or after the arrival day. The management system gives the arrival day, not the hour: the delay counts from
    /// 00:00 that day (docs/indicators.md, ARR-04).
    /// </summary>
    public static async Task<IReadOnlyList<ArrivalDelay>> ArrivalDelaysAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var rows = await db.Patients.AsNoTracking()
            .Where(p => p.UnitId == unitId && p.ArrivalDate >= period.From && p.ArrivalDate <= period.To)
            .Select(p => new
            {
                p.Id,
                p.ArrivalDate,
                Visit = db.SomaticEntries.Where(ClinicalEntry.Signed).Where(e => e.PatientId == p.Id
                        && e.Kind == EntryKind.Consultation && e.ConsultationType == ConsultationType.Arrival)
                    .Select(e => (DateTimeOffset?)e.OccurredAt).OrderBy(at => at).ToList(),
            })
            .ToListAsync();
        return [.. rows.Select(r =>
        {
            var arrived = Fr.FromLocal(r.ArrivalDate.ToDateTime(TimeOnly.MinValue));
            var visit = r.Visit.FirstOrDefault(at => at >= arrived);
            return new ArrivalDelay(r.Id, r.ArrivalDate, visit is { } v ? Math.Round((v - arrived).TotalHours, 1) : null);
        })];
    }

    public sealed record NotSeenArrival(Guid PatientId, string Name, string Ecrou, DateOnly ArrivalDate, DateTimeOffset Arrived);

    /// <summary>Patients present without a signed entry visit since their arrival day, oldest arrival first.</summary>
    public static async Task<IReadOnlyList<NotSeenArrival>> ArrivalsNotSeenAsync(AppDbContext db, Guid unitId)
    {
        var present = await db.Patients.AsNoTracking()
            .Where(Patient.Present).Where(p => p.UnitId == unitId)
            .Select(p => new
            {
                p.Id, p.LastName, p.FirstName, p.Ecrou, p.ArrivalDate,
                LastVisit = db.SomaticEntries.Where(ClinicalEntry.Signed).Where(e => e.PatientId == p.Id
                        && e.Kind == EntryKind.Consultation && e.ConsultationType == ConsultationType.Arrival)
                    .Max(e => (DateTimeOffset?)e.OccurredAt),
            })
            .ToListAsync();
        return [.. present
            .Select(p => (p, Arrived: Fr.FromLocal(p.ArrivalDate.ToDateTime(TimeOnly.MinValue))))
            // An entry visit of an earlier stay does not count: a returning detainee is seen again.
            .Where(x => x.p.LastVisit is null || x.p.LastVisit < x.Arrived)
            .OrderBy(x => x.p.ArrivalDate).ThenBy(x => x.p.LastName)
            .Select(x => new NotSeenArrival(x.p.Id, Patient.FullNameOf(x.p.LastName, x.p.FirstName), x.p.Ecrou,
                x.p.ArrivalDate, x.Arrived))];
    }

    /// <summary>Appointments cancelled before causes were recorded fall back on who cancelled them.</summary>
    public static CancellationCause CauseOf(CancellationCause? cause, CancelledBy? by) => cause ?? by switch
    {
        CancelledBy.Hospital => CancellationCause.HospitalCancelled,
        CancelledBy.Patient => CancellationCause.PatientRefused,
        _ => CancellationCause.Other,
    };

    public static string TypeLabel(ConsultationType type) => type switch
    {
        ConsultationType.Arrival => "visite d'entrée",
        ConsultationType.Consultation => "consultation",
        ConsultationType.Teleconsultation => "téléconsultation",
        ConsultationType.PreRelease => "visite pré-libération",
        ConsultationType.WorkPrevention => "visite d'information et de prévention (travail)",
        ConsultationType.FollowUp => "suivi",
        _ => "urgence",
    };

    /// <summary>Medians and percentiles of the report, to 0.1 as shown (<see cref="Statistics"/>).</summary>
    public static double? Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    public static double? Percentile(IReadOnlyList<double> values, double p) =>
        Statistics.Percentile(values, p) is { } value ? Math.Round(value, 1) : null;

    /// <summary>One row per indicator, « ; » separated with a BOM so that a French spreadsheet opens it as is.</summary>
    public static byte[] Csv(IReadOnlyList<Indicator> indicators, ReportPeriod period, string unitName)
    {
        var csv = new System.Text.StringBuilder();
        csv.AppendLine("unite;debut;fin;code;rubrique;indicateur;valeur;unite_de_mesure");
        foreach (var i in indicators)
        {
            csv.AppendLine(string.Join(';', CsvCell.Escape(unitName), period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Code, CsvCell.Escape(i.Section), CsvCell.Escape(i.Label),
                CsvCell.Escape(i.Shown(leavesUnit: true)), i.IsMasked(leavesUnit: true) ? "" : i.UnitLabel));
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
