using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Records;

public enum SubstanceUse
{
    None,
    Former,
    Current,
}

/// <summary>Traitement de substitution aux opiacés (TSO) the patient arrives with.</summary>
public enum OpioidSubstitution
{
    None,
    Methadone,
    Buprenorphine,
}

/// <summary>One axis of the RUD grading of suicidal crisis (risque, urgence, dangerosité; conférence de consensus
/// « La crise suicidaire », ANAES-FFP 2000, taken up by the guide méthodologique of prison health care).</summary>
public enum RudLevel
{
    Low,
    Medium,
    High,
}

public enum ScreeningAnswer
{
    Accepted,
    Refused,

    /// <summary>Done recently elsewhere, or the status is known: nothing to order nor to offer again.</summary>
    AlreadyDone,
}

public enum VaccineStatus
{
    UpToDate,
    Incomplete,
    Unknown,
}

public enum CatchUpAnswer
{
    NotNeeded,
    Accepted,
    Refused,
}

public enum ReferralAnswer
{
    NotOffered,
    Accepted,
    Refused,
}

/// <summary>
/// What the physician records at the entry visit (issue #21, point 4), as posted; every choice is nullable so that a
/// question left unanswered is seen and refused (<see cref="EntryVisit.AnswerProblems"/>). Set once, kept as posted.
/// </summary>
public sealed record EntryVisitAnswers
{
    public const int TextMaxLength = 2000;

    public string? History { get; init; }
    public string? CurrentTreatments { get; init; }
    public SubstanceUse? Tobacco { get; init; }
    public int? CigarettesPerDay { get; init; }
    public SubstanceUse? Alcohol { get; init; }
    public SubstanceUse? Opioids { get; init; }
    public OpioidSubstitution? Substitution { get; init; }
    public string? SubstitutionDose { get; init; }
    public SubstanceUse? Cannabis { get; init; }
    public string? OtherSubstances { get; init; }
    public RudLevel? SuicideRisk { get; init; }
    public RudLevel? SuicideUrgency { get; init; }
    public RudLevel? SuicideDangerousness { get; init; }
    public ScreeningAnswer? Tuberculosis { get; init; }
    public ScreeningAnswer? Hiv { get; init; }
    public ScreeningAnswer? HepatitisB { get; init; }
    public ScreeningAnswer? HepatitisC { get; init; }
    public VaccineStatus? DtpStatus { get; init; }
    public CatchUpAnswer? DtpCatchUp { get; init; }
    public VaccineStatus? HepatitisBVaccineStatus { get; init; }
    public CatchUpAnswer? HepatitisBCatchUp { get; init; }
    public ReferralAnswer? PsychiatricReferral { get; init; }

    /// <summary>P09: why the information sheet was not handed at this visit, when no hand-over is recorded for the stay.</summary>
    public string? SheetNotHandedReason { get; init; }
}

/// <summary>What signing an entry visit adds to the patient's follow-up.</summary>
public sealed record EntryVisitProducts(IReadOnlyList<Problem> Problems, IReadOnlyList<TestOrder> Orders, IReadOnlyList<Recall> Recalls,
    CareRequest? PsychiatricReferral = null);

/// <summary>
/// The structured entry visit (issue #21, point 4; art. R.6112-19 CSP, guide méthodologique 2019): the one visit the
/// law makes systematic for every arrival. Recorded with its signed consultation (type « visite d'entrée ») in the
/// somatic record, append-only; signing it produces the problem list's lines, the screenings' orders and the recalls.
/// </summary>
public sealed class EntryVisit : IUnitScoped
{
    /// <summary>A screening refused at entry is offered again during detention (guide méthodologique 2019)…</summary>
    public const int RefusedScreeningRecallMonths = 3;

    /// <summary>…the chest X-ray sooner: tuberculosis screening at entry is compulsory, its refusal is discussed within days.</summary>
    public const int RefusedChestXrayRecallDays = 7;

    private EntryVisit()
    {
        SignedByName = "";
        Answers = new();
    }

    public Guid Id { get; private set; }

    /// <summary>The signed consultation of type « visite d'entrée » that holds this visit in the somatic record (P17).</summary>
    public Guid EntryId { get; private set; }

    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>The arrival (stay) this visit answers.</summary>
    public DateOnly ArrivalDate { get; private set; }

    public EntryVisitAnswers Answers { get; private set; }

    /// <summary>P09: the hand-over of the information sheet recorded for this stay, if any.</summary>
    public Guid? InformationSheetId { get; private set; }

    public Guid SignedById { get; private set; }
    public string SignedByName { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>What stops these answers from being recorded, in French; empty when they can be.</summary>
    public static IReadOnlyList<string> AnswerProblems(EntryVisitAnswers a, bool sheetHanded)
    {
        var problems = new List<string>();
        if (a.Tobacco is null || a.Alcohol is null || a.Opioids is null || a.Cannabis is null || a.Substitution is null)
        {
            problems.Add("Addictions : répondez pour le tabac, l'alcool, les opiacés (et leur substitution) et le cannabis.");
        }
        if (a.Substitution is OpioidSubstitution.Methadone or OpioidSubstitution.Buprenorphine && string.IsNullOrWhiteSpace(a.SubstitutionDose))
        {
            problems.Add("Traitement de substitution : indiquez la posologie en cours, pour qu'il soit poursuivi sans rupture.");
        }
        if (a.CigarettesPerDay is < 0 or > 200)
        {
            problems.Add("Le nombre de cigarettes par jour va de 0 à 200.");
        }
        if (a.SuicideRisk is null || a.SuicideUrgency is null || a.SuicideDangerousness is null)
        {
            problems.Add("Risque suicidaire : évaluez le risque, l'urgence et la dangerosité (grille RUD).");
        }
        // A high risk or urgency calls for the psychiatric team: the visit must say that it was offered.
        else if ((a.SuicideRisk == RudLevel.High || a.SuicideUrgency == RudLevel.High) && a.PsychiatricReferral is not (ReferralAnswer.Accepted or ReferralAnswer.Refused))
        {
            problems.Add("Risque ou urgence suicidaire élevé : proposez l'orientation vers l'équipe de psychiatrie et notez la réponse du patient.");
        }
        foreach (var (answer, name) in new[] { (a.Tuberculosis, "la radiographie thoracique (tuberculose)"), (a.Hiv, "la sérologie VIH"),
                     (a.HepatitisB, "la sérologie de l'hépatite B"), (a.HepatitisC, "la sérologie de l'hépatite C") })
        {
            if (answer is null)
            {
                problems.Add($"Dépistages : notez la réponse du patient pour {name}.");
            }
        }
        foreach (var (status, catchUp, name) in new[] { (a.DtpStatus, a.DtpCatchUp, "DTP"), (a.HepatitisBVaccineStatus, a.HepatitisBCatchUp, "hépatite B") })
        {
            if (status is null)
            {
                problems.Add($"Vaccination {name} : indiquez le statut vaccinal.");
            }
            else if (status != VaccineStatus.UpToDate && catchUp is not (CatchUpAnswer.Accepted or CatchUpAnswer.Refused))
            {
                problems.Add($"Vaccination {name} incomplète ou inconnue : notez si le rattrapage est accepté ou refusé.");
            }
        }
        if (a.PsychiatricReferral is null)
        {
            problems.Add("Indiquez si l'orientation vers l'équipe de psychiatrie a été proposée.");
        }
        // P09: the sheet is handed at the entry visit; without a hand-over recorded for this stay, the physician says why.
        if (!sheetHanded && string.IsNullOrWhiteSpace(a.SheetNotHandedReason))
        {
            problems.Add("Le livret d'information n'a pas été remis pour ce séjour : remettez-le, ou indiquez pourquoi il ne l'a pas été (P09).");
        }
        foreach (var text in new[] { a.History, a.CurrentTreatments, a.SubstitutionDose, a.OtherSubstances, a.SheetNotHandedReason })
        {
            if (text is { Length: > EntryVisitAnswers.TextMaxLength })
            {
                problems.Add($"Un texte dépasse {EntryVisitAnswers.TextMaxLength} caractères.");
                break;
            }
        }
        return problems;
    }

    /// <summary>
    /// Records the visit held in <paramref name="entry"/>, a draft consultation of the somatic record about to be
    /// signed; refuses incomplete answers (nothing is then recorded).
    /// </summary>
    public static EntryVisit Record(ClinicalEntry entry, Patient patient, EntryVisitAnswers answers, Guid? informationSheetId)
    {
        if (entry.Team != Team.Somatic || entry.Kind != EntryKind.Consultation || entry.PatientId != patient.Id)
        {
            throw new DomainException("La visite d'entrée s'écrit dans le dossier somatique du patient.");
        }
        var problems = AnswerProblems(answers, informationSheetId is not null);
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }
        var visit = new EntryVisit
        {
            Id = Guid.NewGuid(),
            EntryId = entry.Id,
            PatientId = patient.Id,
            UnitId = patient.UnitId,
            ArrivalDate = patient.ArrivalDate,
            Answers = answers,
            InformationSheetId = informationSheetId,
            SignedById = entry.AuthorId,
            SignedByName = entry.AuthorName,
            SignedAt = entry.CreatedAt,
        };
        entry.ConsultationType = ConsultationType.Arrival;
        entry.Note = visit.Summary();
        return visit;
    }

    /// <summary>
    /// What the signed visit adds to the follow-up: the coded problems and current addictions not already on the active
    /// list, one pending order per accepted screening, a recall to offer again each refused screening or catch-up, and
    /// the recall of the next dose of an accepted catch-up (from the doses recorded, <see cref="VaccinationSchedule"/>).
    /// </summary>
    public EntryVisitProducts Produce(IEnumerable<Cim10Code> codedProblems, IEnumerable<string> activeProblemCodes,
        IEnumerable<Vaccination> doses, DateOnly birthDate, DateOnly today, DateTimeOffset now)
    {
        var a = Answers;
        var known = activeProblemCodes.ToHashSet();
        var problems = new List<Problem>();
        foreach (var code in codedProblems.Concat(AddictionCodes()))
        {
            if (known.Add(code.Code))
            {
                problems.Add(new Problem(PatientId, UnitId, Team.Somatic, code, null, EntryId, SignedById, SignedByName, now, today));
            }
        }

        var orders = new List<TestOrder>();
        var recalls = new List<Recall>();
        foreach (var (answer, exam) in new[] { (a.Tuberculosis, Exam.ChestXray), (a.Hiv, Exam.HivSerology),
                     (a.HepatitisB, Exam.HepatitisBSerology), (a.HepatitisC, Exam.HepatitisCSerology) })
        {
            if (answer == ScreeningAnswer.Accepted)
            {
                orders.Add(new TestOrder(PatientId, UnitId, Team.Somatic, exam, null, today, SignedById, SignedByName, now));
            }
            else if (answer == ScreeningAnswer.Refused)
            {
                var due = exam == Exam.ChestXray ? today.AddDays(RefusedChestXrayRecallDays) : today.AddMonths(RefusedScreeningRecallMonths);
                recalls.Add(Recall.ByHand(PatientId, UnitId, Team.Somatic, RecallReason.Screening,
                    $"{TestOrder.Label(exam)} refusée à la visite d'entrée : à reproposer", due, today, SignedById, SignedByName, now));
            }
        }

        var catchUp = VaccinationSchedule.CatchUp(doses, birthDate, today);
        foreach (var (status, answer, vaccine) in new[] { (a.DtpStatus, a.DtpCatchUp, Vaccine.Dtp), (a.HepatitisBVaccineStatus, a.HepatitisBCatchUp, Vaccine.HepatitisB) })
        {
            if (status == VaccineStatus.UpToDate)
            {
                continue;
            }
            if (answer == CatchUpAnswer.Accepted)
            {
                recalls.AddRange(catchUp.Where(d => d.Vaccine == vaccine)
                    .Select(d => Recall.ForDose(PatientId, UnitId, Team.Somatic, d, SignedById, SignedByName, now)));
            }
            else if (answer == CatchUpAnswer.Refused)
            {
                recalls.Add(Recall.ByHand(PatientId, UnitId, Team.Somatic, RecallReason.VaccineDose,
                    $"Rattrapage {Vaccination.Label(vaccine)} refusé à la visite d'entrée : à reproposer",
                    today.AddMonths(RefusedScreeningRecallMonths), today, SignedById, SignedByName, now));
            }
        }
        return new(problems, orders, recalls, PsychiatricReferral(now));
    }

    /// <summary>Where the referral comes from, in the psychiatric team's queue.</summary>
    public const string ReferralOrigin = "Visite d'entrée";

    /// <summary>
    /// An accepted referral reaches the psychiatric team as a request in its queue (P30: its own team reads it), urgent
    /// when the suicidal risk or urgency was graded high; refused or not offered, nothing is sent.
    /// </summary>
    private CareRequest? PsychiatricReferral(DateTimeOffset now)
    {
        var a = Answers;
        if (a.PsychiatricReferral != ReferralAnswer.Accepted)
        {
            return null;
        }
        var high = a.SuicideRisk == RudLevel.High || a.SuicideUrgency == RudLevel.High;
        var summary = "Orientation vers l'équipe de psychiatrie proposée à la visite d'entrée et acceptée par le patient"
            + (high ? $" ; crise suicidaire : risque {Label(a.SuicideRisk)}, urgence {Label(a.SuicideUrgency)}, dangerosité {Label(a.SuicideDangerousness)}." : ".");
        return CareRequest.Referral(PatientId, UnitId, RequestTeam.Psychiatric, ReferralOrigin, summary,
            high ? Urgency.Urgent : Urgency.ThisWeek, SignedById, SignedByName, now);
    }

    /// <summary>Current use goes on the problem list: usage of tobacco, alcohol, drugs (Z72), opiate dependence under substitution (F11.2).</summary>
    private IEnumerable<Cim10Code> AddictionCodes()
    {
        var a = Answers;
        var codes = new List<string>();
        if (a.Tobacco == SubstanceUse.Current)
        {
            codes.Add("Z72.0");
        }
        if (a.Alcohol == SubstanceUse.Current)
        {
            codes.Add("Z72.1");
        }
        if (a.Substitution is OpioidSubstitution.Methadone or OpioidSubstitution.Buprenorphine)
        {
            codes.Add("F11.2");
        }
        else if (a.Opioids == SubstanceUse.Current || a.Cannabis == SubstanceUse.Current)
        {
            codes.Add("Z72.2");
        }
        return codes.Select(Cim10.Find).OfType<Cim10Code>();
    }

    /// <summary>The visit in words: the note of its signed consultation, read on the chart and in the record's timeline.</summary>
    public string Summary()
    {
        var a = Answers;
        var lines = new List<string> { "Visite d'entrée structurée." };
        if (!string.IsNullOrWhiteSpace(a.History))
        {
            lines.Add($"Antécédents : {a.History.Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(a.CurrentTreatments))
        {
            lines.Add($"Traitements en cours : {a.CurrentTreatments.Trim()}");
        }
        lines.Add($"Addictions : tabac {Label(a.Tobacco)}{(a.CigarettesPerDay is { } n ? $" ({n} cig./j)" : "")}, alcool {Label(a.Alcohol)}, "
            + $"opiacés {Label(a.Opioids)}, substitution {Label(a.Substitution)}{(string.IsNullOrWhiteSpace(a.SubstitutionDose) ? "" : $" {a.SubstitutionDose.Trim()}")}, "
            + $"cannabis {Label(a.Cannabis)}{(string.IsNullOrWhiteSpace(a.OtherSubstances) ? "" : $", autres : {a.OtherSubstances.Trim()}")}.");
        lines.Add($"Crise suicidaire (RUD) : risque {Label(a.SuicideRisk)}, urgence {Label(a.SuicideUrgency)}, dangerosité {Label(a.SuicideDangerousness)}.");
        lines.Add($"Dépistages : radiographie thoracique {Label(a.Tuberculosis)}, VIH {Label(a.Hiv)}, hépatite B {Label(a.HepatitisB)}, hépatite C {Label(a.HepatitisC)}.");
        lines.Add($"Vaccinations : DTP {Label(a.DtpStatus)}{CatchUpText(a.DtpCatchUp)}, hépatite B {Label(a.HepatitisBVaccineStatus)}{CatchUpText(a.HepatitisBCatchUp)}.");
        lines.Add(InformationSheetId is not null ? "Livret d'information remis (P09)."
            : $"Livret d'information non remis : {a.SheetNotHandedReason?.Trim()}.");
        lines.Add($"Orientation vers l'équipe de psychiatrie : {Label(a.PsychiatricReferral)}.");
        return string.Join("\n", lines);
    }

    private static string CatchUpText(CatchUpAnswer? answer) =>
        answer is CatchUpAnswer.Accepted or CatchUpAnswer.Refused ? $", rattrapage {Label(answer)}" : "";

    public static string Label(SubstanceUse? use) => use switch
    {
        SubstanceUse.None => "jamais",
        SubstanceUse.Former => "sevré",
        SubstanceUse.Current => "actuel",
        _ => "non renseigné",
    };

    public static string Label(OpioidSubstitution? substitution) => substitution switch
    {
        OpioidSubstitution.None => "aucune",
        OpioidSubstitution.Methadone => "méthadone",
        OpioidSubstitution.Buprenorphine => "buprénorphine",
        _ => "non renseignée",
    };

    public static string Label(RudLevel? level) => level switch
    {
        RudLevel.Low => "faible",
        RudLevel.Medium => "moyen",
        RudLevel.High => "élevé",
        _ => "non évalué",
    };

    public static string Label(ScreeningAnswer? answer) => answer switch
    {
        ScreeningAnswer.Accepted => "acceptée",
        ScreeningAnswer.Refused => "refusée",
        ScreeningAnswer.AlreadyDone => "déjà faite / statut connu",
        _ => "non proposée",
    };

    public static string Label(VaccineStatus? status) => status switch
    {
        VaccineStatus.UpToDate => "à jour",
        VaccineStatus.Incomplete => "incomplet",
        VaccineStatus.Unknown => "inconnu",
        _ => "non renseigné",
    };

    public static string Label(CatchUpAnswer? answer) => answer switch
    {
        CatchUpAnswer.Accepted => "accepté",
        CatchUpAnswer.Refused => "refusé",
        _ => "sans objet",
    };

    public static string Label(ReferralAnswer? answer) => answer switch
    {
        ReferralAnswer.Accepted => "proposée et acceptée",
        ReferralAnswer.Refused => "proposée, refusée par le patient",
        ReferralAnswer.NotOffered => "non proposée",
        _ => "non renseignée",
    };
}
