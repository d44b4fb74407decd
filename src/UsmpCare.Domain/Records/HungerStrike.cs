namespace UsmpCare.Domain.Records;

/// <summary>
/// P35 (CNOM 2021 recommendations): a hunger strike is followed daily — weight, clinical checks, information given —
/// and the patient's refusals are respected and recorded, never overridden.
/// </summary>
public sealed class HungerStrike : Security.IUnitScoped
{
    private HungerStrike()
    {
        StartedByName = "";
    }

    public HungerStrike(Guid patientId, Guid unitId, DateOnly startedOn, bool refusesFluids, Guid by, string byName,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        StartedOn = startedOn;
        RefusesFluids = refusesFluids;
        StartedById = by;
        StartedByName = byName;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly StartedOn { get; private set; }

    /// <summary>A « grève de la soif » is an emergency within days, not weeks.</summary>
    public bool RefusesFluids { get; private set; }

    public Guid StartedById { get; private set; }
    public string StartedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Information given to the patient on the risks and the care offered (P09, P35).</summary>
    public string? InformationGiven { get; private set; }
    public DateTimeOffset? InformedAt { get; private set; }

    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public bool InProgress => EndedOn is null;

    public int DaysOn(DateOnly day) => day.DayNumber - StartedOn.DayNumber + 1;

    public void RecordInformation(string information, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(information))
        {
            throw new DomainException("Décrivez l'information donnée au patient.");
        }
        InformationGiven = information.Trim();
        InformedAt = at;
    }

    public void End(DateOnly on, string reason)
    {
        if (!InProgress)
        {
            throw new DomainException("Cette grève de la faim est déjà terminée.");
        }
        if (on < StartedOn)
        {
            throw new DomainException("La date de fin précède le début de la grève.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez comment la grève a pris fin.");
        }
        EndedOn = on;
        EndReason = reason.Trim();
    }

    /// <summary>The patient's refusals and the measures done, oldest first; never changed or deleted (P17, P35).</summary>
    public List<HungerStrikeEvent> Events { get; private set; } = [];

    /// <summary>P35: a refusal of the patient, in his words; it stands until he consents to that act again.</summary>
    public HungerStrikeEvent RecordRefusal(HungerStrikeAct act, string words, Guid by, string byName, DateTimeOffset at)
    {
        EnsureInProgress();
        EnsureKnown(act);
        if (string.IsNullOrWhiteSpace(words))
        {
            throw new DomainException("Notez les mots du patient ou les circonstances du refus.");
        }
        return Add(new HungerStrikeEvent(Id, act, null, words.Trim(), by, byName, at));
    }

    /// <summary>
    /// P35 (CNOM 2021, Déclaration de Malte of the WMA; art. L1111-4 CSP): a measure is done only with the patient's
    /// consent, recorded in his words, or by the legal path when he can no longer express his will (urgence vitale,
    /// personne de confiance consultée), recorded with its basis. A standing refusal is never overridden otherwise.
    /// </summary>
    public HungerStrikeEvent RecordMeasure(HungerStrikeAct act, MeasureBasis? basis, string detail, Guid by, string byName,
        DateTimeOffset at)
    {
        EnsureInProgress();
        EnsureKnown(act);
        if (basis is not { } b || !Enum.IsDefined(b))
        {
            throw new DomainException(
                $"{HungerStrikeEvent.Label(act)} : une mesure ne se fait qu'avec le consentement du patient ou, s'il est hors d'état d'exprimer sa volonté, par la voie légale. Indiquez laquelle.");
        }
        if (string.IsNullOrWhiteSpace(detail))
        {
            throw new DomainException(b == MeasureBasis.Consent
                ? "Notez comment le patient a exprimé son consentement."
                : "Indiquez le fondement légal : urgence vitale, patient hors d'état d'exprimer sa volonté, personne de confiance ou proches consultés (art. L1111-4 du code de la santé publique).");
        }
        return Add(new HungerStrikeEvent(Id, act, b, detail.Trim(), by, byName, at));
    }

    /// <summary>Whether the patient's last word on this act is a refusal (no consent nor legal measure since).</summary>
    public bool Refuses(HungerStrikeAct act) =>
        Events.Where(e => e.Act == act).OrderBy(e => e.At).LastOrDefault() is { Basis: null };

    /// <summary>A daily check may weigh or examine only what the patient has not refused (P35).</summary>
    public void EnsureNotRefused(HungerStrikeAct act)
    {
        if (Refuses(act))
        {
            throw new DomainException(
                $"Le patient a refusé : {HungerStrikeEvent.Label(act).ToLowerInvariant()}. Son refus est respecté : rien ne peut être enregistré sans son consentement (notez-le comme mesure consentie) ou la voie légale.");
        }
    }

    private HungerStrikeEvent Add(HungerStrikeEvent e)
    {
        Events.Add(e);
        return e;
    }

    private void EnsureInProgress()
    {
        if (!InProgress)
        {
            throw new DomainException("Cette grève de la faim est terminée.");
        }
    }

    private static void EnsureKnown(HungerStrikeAct act)
    {
        if (!Enum.IsDefined(act))
        {
            throw new DomainException("Choisissez l'acte concerné dans la liste.");
        }
    }
}

/// <summary>What the patient may refuse during a hunger strike, and what a measure may be (P35).</summary>
public enum HungerStrikeAct
{
    Weighing,
    Examination,
    Treatment,
    Rehydration,
}

/// <summary>On what a measure was done: the only two ways (P35).</summary>
public enum MeasureBasis
{
    /// <summary>The patient consented, in his words.</summary>
    Consent,
    /// <summary>Art. L1111-4 CSP: the patient can no longer express his will, life is at stake, trusted person consulted.</summary>
    LegalPath,
}

/// <summary>One refusal (no basis) or one measure (with its basis) during a hunger strike: appended, never changed.</summary>
public sealed class HungerStrikeEvent
{
    private HungerStrikeEvent()
    {
        Detail = ByName = "";
    }

    internal HungerStrikeEvent(Guid strikeId, HungerStrikeAct act, MeasureBasis? basis, string detail, Guid by, string byName,
        DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        HungerStrikeId = strikeId;
        Act = act;
        Basis = basis;
        Detail = detail;
        ById = by;
        ByName = byName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid HungerStrikeId { get; private set; }
    public HungerStrikeAct Act { get; private set; }

    /// <summary>Null for a refusal.</summary>
    public MeasureBasis? Basis { get; private set; }

    /// <summary>The patient's words (refusal, consent) or the legal basis.</summary>
    public string Detail { get; private set; }
    public Guid ById { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset At { get; private set; }

    public bool IsRefusal => Basis is null;

    public static string Label(HungerStrikeAct act) => act switch
    {
        HungerStrikeAct.Weighing => "Pesée",
        HungerStrikeAct.Examination => "Examen clinique",
        HungerStrikeAct.Treatment => "Traitement",
        _ => "Réhydratation",
    };

    public string Outcome => Basis switch
    {
        null => "refus du patient, respecté",
        MeasureBasis.Consent => "fait avec le consentement du patient",
        _ => "fait par la voie légale (patient hors d'état d'exprimer sa volonté)",
    };
}
