namespace UsmpCare.Domain.Units;

/// <summary>Kind of prison establishment the health unit serves.</summary>
public enum EstablishmentType
{
    /// <summary>Maison d'arrêt.</summary>
    MA,
    /// <summary>Centre de détention.</summary>
    CD,
    /// <summary>Maison centrale.</summary>
    MC,
    /// <summary>Centre de semi-liberté.</summary>
    CSL,
    /// <summary>Établissement pénitentiaire pour mineurs.</summary>
    EPM,
    /// <summary>Centre pénitentiaire (several quarters).</summary>
    CP,
}

/// <summary>One prison establishment's health unit (USMP). Its phone and address are printed on documents (P15).</summary>
public sealed class Unit
{
    private Unit()
    {
        Code = Name = ReferenceHospital = Phone = Address = Hours = "";
    }

    public Unit(string code, string name, EstablishmentType establishmentType, string referenceHospital,
        string phone, string address)
    {
        Id = Guid.NewGuid();
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        EstablishmentType = establishmentType;
        ReferenceHospital = referenceHospital.Trim();
        Phone = phone.Trim();
        Address = address.Trim();
        Hours = "";
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public EstablishmentType EstablishmentType { get; private set; }

    /// <summary>P17: the hospital responsible for keeping the unit's records.</summary>
    public string ReferenceHospital { get; private set; }

    public string Phone { get; private set; }
    public string Address { get; private set; }

    /// <summary>Opening hours, printed on the patient's information sheet (P09).</summary>
    public string Hours { get; private set; }

    /// <summary>P09: the languages, besides French, in which the unit hands its information sheet (ISO 639-1 codes).</summary>
    public List<string> InformationLanguages { get; private set; } = [];

    /// <summary>French always, then each language the unit has enabled.</summary>
    public IReadOnlyList<string> OfferedInformationLanguages =>
        [Consents.InformationSheet.French, .. InformationLanguages.Where(l => l != Consents.InformationSheet.French)];

    public bool OffersInformationIn(string? language) => language is not null && OfferedInformationLanguages.Contains(language);

    /// <summary>The information sheet's settings: the hours printed and the languages offered besides French (P09).</summary>
    public void SetInformationSheet(string hours, IEnumerable<string> languages)
    {
        Hours = hours.Trim();
        InformationLanguages = [.. languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0 && l != Consents.InformationSheet.French).Distinct()];
    }

    public const int DefaultEntryVisitTargetHours = 48;
    public const int MaxEntryVisitTargetHours = 240;

    /// <summary>
    /// Issue #21: the delay, from the arrival day, within which an arrival from liberty is seen at the entry visit
    /// (art. R.6112-19 CSP: « dans les meilleurs délais »; the unit sets its own target, 48 h unless it says otherwise).
    /// </summary>
    public int EntryVisitTargetHours { get; private set; } = DefaultEntryVisitTargetHours;

    public void SetEntryVisitTarget(int hours)
    {
        if (hours is < 1 or > MaxEntryVisitTargetHours)
        {
            throw new DomainException($"Le délai cible de la visite d'entrée va de 1 à {MaxEntryVisitTargetHours} heures.");
        }
        EntryVisitTargetHours = hours;
    }

    /// <summary>An arrival not seen within the unit's target: flagged on the entry visits' list.</summary>
    public bool EntryVisitOverdue(DateTimeOffset arrived, DateTimeOffset now) => now - arrived > TimeSpan.FromHours(EntryVisitTargetHours);

    public void Update(string name, EstablishmentType type, string referenceHospital, string phone, string address)
    {
        Name = name.Trim();
        EstablishmentType = type;
        ReferenceHospital = referenceHospital.Trim();
        Phone = phone.Trim();
        Address = address.Trim();
    }

    public static string Label(EstablishmentType type) => type switch
    {
        EstablishmentType.MA => "Maison d'arrêt",
        EstablishmentType.CD => "Centre de détention",
        EstablishmentType.MC => "Maison centrale",
        EstablishmentType.CSL => "Centre de semi-liberté",
        EstablishmentType.EPM => "Établissement pénitentiaire pour mineurs",
        EstablishmentType.CP => "Centre pénitentiaire",
        _ => type.ToString(),
    };
}
