using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Treatments;

/// <summary>The four rounds of the nurses' day.</summary>
public enum RoundSlot
{
    Morning,
    Noon,
    Evening,
    Bedtime,
}

/// <summary>What happened to one dose of the round; the absences say where the patient was.</summary>
public enum AdministrationOutcome
{
    Given,
    Refused,
    AbsentVisit,
    AbsentCourt,
    AbsentActivity,
    AbsentExtraction,
    AbsentDisciplinary,
    AbsentReleased,
    NotAvailable,
}

/// <summary>A line of an active signed prescription to hand out at one round: its index in the prescription's lines.</summary>
public sealed record DueDose(Prescription Prescription, int LineIndex, PrescriptionLine Line)
{
    public bool IsSubstitution => DistributionDefaults.ClassOf([Line.DrugName, .. Line.Substances]) == DrugClass.Substitution;
}

/// <summary>The round: what each patient receives at a slot, from his active signed prescriptions, never typed.</summary>
public static class DistributionRound
{
    /// <summary>
    /// The lines given at this slot on this day: active (<see cref="ActiveTreatment"/>), started and not ended that day,
    /// taken at that time of day, and handed out by the nurse at the round (supervised or daily); a weekly pill-box is
    /// prepared once a week and a drug held by the patient is not distributed.
    /// </summary>
    public static IReadOnlyList<DueDose> Due(IReadOnlyCollection<Prescription> prescriptions, DateOnly day, RoundSlot slot) =>
        [.. ActiveTreatment.Of(prescriptions, day)
            .Where(a => a.Line.Start <= day && a.Line.Times.HasFlag(Flag(slot))
                && a.Line.Mode is DistributionMode.Supervised or DistributionMode.Daily)
            .Select(a => new DueDose(a.Prescription, a.Prescription.Lines.IndexOf(a.Line), a.Line))];

    public static DoseTimes Flag(RoundSlot slot) => slot switch
    {
        RoundSlot.Morning => DoseTimes.Morning,
        RoundSlot.Noon => DoseTimes.Noon,
        RoundSlot.Evening => DoseTimes.Evening,
        _ => DoseTimes.Bedtime,
    };

    public static string Label(RoundSlot slot) => slot switch
    {
        RoundSlot.Morning => "Matin",
        RoundSlot.Noon => "Midi",
        RoundSlot.Evening => "Soir",
        _ => "Coucher",
    };

    /// <summary>Labels start with the key the nurse types in the list: D, R, P, T, A, E, Q, L, N.</summary>
    public static string Label(AdministrationOutcome outcome) => outcome switch
    {
        AdministrationOutcome.Given => "Donné",
        AdministrationOutcome.Refused => "Refusé",
        AdministrationOutcome.AbsentVisit => "Parloir (absent)",
        AdministrationOutcome.AbsentCourt => "Tribunal (absent)",
        AdministrationOutcome.AbsentActivity => "Activité (absent)",
        AdministrationOutcome.AbsentExtraction => "Extraction (absent)",
        AdministrationOutcome.AbsentDisciplinary => "Quartier disciplinaire (absent)",
        AdministrationOutcome.AbsentReleased => "Libéré (absent)",
        _ => "Non disponible",
    };
}

/// <summary>
/// One dose of the round as it happened: who handed out what, when, or why not. Append-only (the table too): a dose
/// recorded is never rewritten; the drug and dose are copied from the signed line, so the nurse never types a dose
/// (a dose changes only by a new prescription).
/// </summary>
public sealed class Administration
{
    private Administration()
    {
        DrugName = DoseUnit = NurseName = "";
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public int LineIndex { get; private set; }

    /// <summary>The prescriber of the line, whom missed supervised doses alert.</summary>
    public Guid PrescriberId { get; private set; }
    public DateOnly Day { get; private set; }
    public RoundSlot Slot { get; private set; }
    public string DrugName { get; private set; }
    public decimal Dose { get; private set; }
    public string DoseUnit { get; private set; }
    public DistributionMode Mode { get; private set; }
    public AdministrationOutcome Outcome { get; private set; }

    /// <summary>When the nurse recorded it: for a supervised TSO dose, the time it was taken.</summary>
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid NurseId { get; private set; }
    public string NurseName { get; private set; }
    public bool Substitution { get; private set; }

    public bool Missed => Outcome != AdministrationOutcome.Given;

    /// <summary>
    /// Records one dose of the round. <paramref name="due"/> are the doses due to this patient at this round
    /// (<see cref="DistributionRound.Due"/>); <paramref name="tso"/> the patient's confirmation of his substitution
    /// treatment, if any.
    /// </summary>
    public static Administration Record(Patient patient, Guid roundUnitId, IReadOnlyList<DueDose> due, Guid prescriptionId,
        int lineIndex, DateOnly day, RoundSlot slot, AdministrationOutcome outcome, bool alreadyRecorded,
        TsoConfirmation? tso, Guid nurseId, string nurseName, DateTimeOffset at)
    {
        if (patient.UnitId != roundUnitId || !patient.IsPresent)
        {
            throw new DomainException("Ce patient n'est pas présent dans l'unité de cette tournée : rien n'a été enregistré.");
        }
        var dose = due.FirstOrDefault(d => d.Prescription.Id == prescriptionId && d.LineIndex == lineIndex);
        if (dose is null)
        {
            throw new DomainException($"Ce traitement n'est pas à distribuer le {day:dd/MM/yyyy} à la tournée du {DistributionRound.Label(slot).ToLowerInvariant()} (arrêté, modifié, pas encore commencé ou à un autre moment) : rien n'a été enregistré.");
        }
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Résultat de distribution inconnu.");
        }
        if (alreadyRecorded)
        {
            throw new DomainException($"La dose de {dose.Line.DrugName} de cette tournée est déjà enregistrée.");
        }
        if (dose.IsSubstitution && outcome == AdministrationOutcome.Given && (tso is null || tso.ConfirmedAt > at))
        {
            // Issue #20 point 7: a TSO dose is not given before the dose is confirmed with the outside prescriber or
            // the CSAPA (risk of overdose with an unconfirmed methadone dose).
            throw new DomainException("Traitement de substitution : la dose doit d'abord être confirmée auprès du prescripteur extérieur ou du CSAPA (page « Traitement de substitution » du patient) avant la première prise.");
        }
        return new Administration
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, UnitId = patient.UnitId, PrescriptionId = prescriptionId,
            LineIndex = lineIndex, PrescriberId = dose.Prescription.PrescriberId, Day = day, Slot = slot,
            DrugName = dose.Line.DrugName, Dose = dose.Line.Dose, DoseUnit = dose.Line.DoseUnit, Mode = dose.Line.Mode,
            Outcome = outcome, RecordedAt = at, NurseId = nurseId, NurseName = nurseName, Substitution = dose.IsSubstitution,
        };
    }

    /// <summary>Supervised doses missed in a row, counted back from the last one of the line.</summary>
    public static int MissedInARow(IEnumerable<Administration> ofOneLine) =>
        ofOneLine.OrderByDescending(a => a.Day).ThenByDescending(a => a.Slot).TakeWhile(a => a.Missed).Count();
}

/// <summary>A missed-doses alert for the prescriber: a supervised line whose last doses were all missed.</summary>
public sealed record MissedDoseAlert(Guid PatientId, Guid PrescriptionId, string DrugName, int Missed, DateOnly LastDay);

public static class MissedDoses
{
    /// <summary>The supervised lines whose last <paramref name="threshold"/> doses or more were missed.</summary>
    public static IReadOnlyList<MissedDoseAlert> Alerts(IEnumerable<Administration> administrations, int threshold) =>
        [.. administrations.Where(a => a.Mode == DistributionMode.Supervised)
            .GroupBy(a => (a.PrescriptionId, a.LineIndex))
            .Select(g => new MissedDoseAlert(g.First().PatientId, g.Key.PrescriptionId, g.First().DrugName,
                Administration.MissedInARow(g), g.Max(a => a.Day)))
            .Where(a => a.Missed >= threshold)];
}

/// <summary>
/// A weekly pill-box prepared by one nurse and checked by another (double contrôle): the check is only worth it
/// from a second pair of eyes.
/// </summary>
public sealed class PillBox
{
    private PillBox()
    {
        Contents = PreparedByName = "";
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The Monday of the week it covers.</summary>
    public DateOnly WeekOf { get; private set; }

    /// <summary>The lines it holds, as written on the prescription when it was prepared.</summary>
    public string Contents { get; private set; }
    public Guid PreparedById { get; private set; }
    public string PreparedByName { get; private set; }
    public DateTimeOffset PreparedAt { get; private set; }
    public Guid? CheckedById { get; private set; }
    public string? CheckedByName { get; private set; }
    public DateTimeOffset? CheckedAt { get; private set; }

    public bool IsChecked => CheckedAt is not null;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static PillBox Prepare(Patient patient, Guid unitId, IReadOnlyList<ActiveLine> active, DateOnly week, bool alreadyPrepared,
        Guid nurseId, string nurseName, DateTimeOffset at)
    {
        if (patient.UnitId != unitId || !patient.IsPresent)
        {
            throw new DomainException("Ce patient n'est pas présent dans votre unité : rien n'a été enregistré.");
        }
        var lines = active.Where(a => a.Line.Mode == DistributionMode.WeeklyPillBox).ToList();
        if (lines.Count == 0)
        {
            throw new DomainException("Ce patient n'a aucun traitement en pilulier hebdomadaire.");
        }
        if (alreadyPrepared)
        {
            throw new DomainException($"Le pilulier de la semaine du {week:dd/MM/yyyy} est déjà préparé.");
        }
        return new PillBox
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, UnitId = patient.UnitId, WeekOf = MondayOf(week),
            Contents = string.Join(" ; ", lines.Select(l => l.Line.Describe())), PreparedById = nurseId,
            PreparedByName = nurseName, PreparedAt = at,
        };
    }

    public void Check(Guid nurseId, string nurseName, DateTimeOffset at)
    {
        if (IsChecked)
        {
            throw new DomainException("Ce pilulier est déjà contrôlé.");
        }
        if (nurseId == PreparedById)
        {
            throw new DomainException("Le double contrôle est fait par un autre infirmier que celui qui a préparé le pilulier.");
        }
        CheckedById = nurseId;
        CheckedByName = nurseName;
        CheckedAt = at;
    }
}

public enum TsoStart
{
    /// <summary>Started in detention.</summary>
    Initiation,

    /// <summary>Taken before the arrival, continued.</summary>
    Continuation,
}

/// <summary>
/// At entry, the substitution treatment's dose confirmed with the outside prescriber or the CSAPA (who, when): the
/// first dose is not given before (<see cref="Administration.Record"/>). Append-only.
/// </summary>
public sealed class TsoConfirmation
{
    private TsoConfirmation()
    {
        ConfirmedWith = RecordedByName = "";
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public TsoStart Start { get; private set; }

    /// <summary>The outside prescriber or CSAPA who confirmed the dose (for an initiation: the unit's prescriber).</summary>
    public string ConfirmedWith { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static TsoConfirmation Record(Patient patient, TsoStart start, string? confirmedWith, DateTimeOffset? confirmedAt,
        Guid byId, string byName, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(start))
        {
            problems.Add("Indiquez s'il s'agit d'une initiation ou d'une poursuite.");
        }
        if (string.IsNullOrWhiteSpace(confirmedWith))
        {
            problems.Add("Indiquez avec qui la dose a été confirmée (prescripteur extérieur, CSAPA).");
        }
        if (confirmedAt is null || confirmedAt > now || confirmedAt < now.AddDays(-30))
        {
            problems.Add("Indiquez quand la dose a été confirmée (dans les 30 derniers jours, pas dans le futur).");
        }
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }
        return new TsoConfirmation
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, UnitId = patient.UnitId, Start = start,
            ConfirmedWith = confirmedWith!.Trim(), ConfirmedAt = confirmedAt!.Value, RecordedById = byId, RecordedByName = byName,
            RecordedAt = now,
        };
    }

    public static string Label(TsoStart start) => start == TsoStart.Initiation ? "Initiation en détention" : "Poursuite d'un traitement extérieur";
}

public enum RelayKind
{
    Csapa,
    Pharmacy,
    Prescriber,
}

public enum NaloxoneOffer
{
    Given,
    NotOffered,
    Refused,
}

/// <summary>
/// At release, the substitution treatment's relay outside: last dose taken here (from the round), who takes over, and
/// the take-home naloxone. The release pack carries it. Append-only: the last one counts.
/// </summary>
public sealed class TsoRelay
{
    private TsoRelay()
    {
        RelayName = RecordedByName = "";
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The last supervised dose recorded as given at the round; null when none was.</summary>
    public DateTimeOffset? LastDoseAt { get; private set; }
    public string? LastDose { get; private set; }
    public RelayKind RelayKind { get; private set; }
    public string RelayName { get; private set; }
    public string? RelayContact { get; private set; }
    public DateOnly? RelayAppointment { get; private set; }
    public NaloxoneOffer Naloxone { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static TsoRelay Record(Patient patient, Administration? lastGiven, RelayKind kind, string? name, string? contact,
        DateOnly? appointment, NaloxoneOffer naloxone, DateOnly today, Guid byId, string byName, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(naloxone))
        {
            problems.Add("Choisissez le relais et la proposition de naloxone dans les listes.");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add("Nommez le relais extérieur (CSAPA, pharmacie ou prescripteur).");
        }
        if (appointment is { } day && (day < today || day > today.AddDays(90)))
        {
            problems.Add("Le rendez-vous du relais est à venir (dans les 90 jours).");
        }
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }
        return new TsoRelay
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, UnitId = patient.UnitId, LastDoseAt = lastGiven?.RecordedAt,
            LastDose = lastGiven is null ? null : $"{lastGiven.DrugName}, {lastGiven.Dose:0.###} {lastGiven.DoseUnit}",
            RelayKind = kind, RelayName = name!.Trim(), RelayContact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim(),
            RelayAppointment = appointment, Naloxone = naloxone, RecordedById = byId, RecordedByName = byName, RecordedAt = now,
        };
    }

    public static string Label(RelayKind kind) => kind switch
    {
        RelayKind.Csapa => "CSAPA",
        RelayKind.Pharmacy => "Pharmacie",
        _ => "Prescripteur",
    };

    public static string Label(NaloxoneOffer offer) => offer switch
    {
        NaloxoneOffer.Given => "proposée et remise",
        NaloxoneOffer.Refused => "proposée, refusée par le patient",
        _ => "non proposée",
    };
}
