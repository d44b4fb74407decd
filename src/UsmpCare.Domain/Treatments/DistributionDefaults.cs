using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Treatments;

/// <summary>The classes of drugs a unit sets a default distribution mode for.</summary>
public enum DrugClass
{
    /// <summary>Traitement de substitution aux opiacés (méthadone, buprénorphine).</summary>
    Substitution,
    Benzodiazepine,
    Antipsychotic,
    Antidepressant,
    MoodStabilizer,
    Other,
}

/// <summary>A class and the mode the unit gives it by default.</summary>
public sealed record ClassMode(DrugClass Class, DistributionMode Mode);

/// <summary>
/// A unit's default distribution mode per drug class, applied when a line is added (the prescriber may change it): TSO
/// supervised unless the unit decides otherwise, the psychotropics it chooses supervised too.
/// </summary>
public sealed class DistributionDefaults : IUnitScoped
{
    private static readonly (string Stem, DrugClass Class)[] Stems =
    [
        ("methadone", DrugClass.Substitution), ("buprenorphine", DrugClass.Substitution),
        ("diazepam", DrugClass.Benzodiazepine), ("oxazepam", DrugClass.Benzodiazepine), ("alprazolam", DrugClass.Benzodiazepine),
        ("lorazepam", DrugClass.Benzodiazepine), ("clonazepam", DrugClass.Benzodiazepine), ("bromazepam", DrugClass.Benzodiazepine),
        ("prazepam", DrugClass.Benzodiazepine), ("zopiclone", DrugClass.Benzodiazepine), ("zolpidem", DrugClass.Benzodiazepine),
        ("cyamemazine", DrugClass.Antipsychotic), ("loxapine", DrugClass.Antipsychotic), ("olanzapine", DrugClass.Antipsychotic),
        ("risperidone", DrugClass.Antipsychotic), ("aripiprazole", DrugClass.Antipsychotic), ("haloperidol", DrugClass.Antipsychotic),
        ("quetiapine", DrugClass.Antipsychotic), ("sertraline", DrugClass.Antidepressant), ("escitalopram", DrugClass.Antidepressant),
        ("paroxetine", DrugClass.Antidepressant), ("mirtazapine", DrugClass.Antidepressant), ("fluoxetine", DrugClass.Antidepressant),
        ("valpro", DrugClass.MoodStabilizer), ("lithium", DrugClass.MoodStabilizer), ("lamotrigine", DrugClass.MoodStabilizer),
    ];

    private DistributionDefaults()
    {
    }

    public DistributionDefaults(Guid unitId)
    {
        UnitId = unitId;
    }

    public Guid UnitId { get; private set; }
    public List<ClassMode> Modes { get; private set; } = [];

    /// <summary>Supervised doses missed in a row that alert the prescriber (issue #20 point 6: three unless the unit says).</summary>
    public int MissedDosesBeforeAlert { get; private set; } = DefaultMissedDosesBeforeAlert;

    public const int DefaultMissedDosesBeforeAlert = 3;

    /// <summary>Beyond ten missed doses in a row an alert comes too late to act on (issue #20: 1 to 10).</summary>
    public const int MaxMissedDosesBeforeAlert = 10;

    public void AlertAfterMissedDoses(int count)
    {
        if (count is < 1 or > MaxMissedDosesBeforeAlert)
        {
            throw new DomainException($"Le nombre de doses supervisées manquées qui alerte le prescripteur va de 1 à {MaxMissedDosesBeforeAlert}.");
        }
        MissedDosesBeforeAlert = count;
    }

    /// <summary>The class of a product, from its substances (the first class found).</summary>
    public static DrugClass ClassOf(IEnumerable<string> substances)
    {
        var folded = substances.Select(MedicalTextCheck.Normalize).ToList();
        return Stems.Where(s => folded.Any(f => f.Contains(s.Stem, StringComparison.Ordinal)))
            .Select(s => (DrugClass?)s.Class).FirstOrDefault() ?? DrugClass.Other;
    }

    /// <summary>The unit's choice, else TSO supervised and every other class distributed daily.</summary>
    public DistributionMode ModeFor(DrugClass drugClass) =>
        Modes.FirstOrDefault(m => m.Class == drugClass)?.Mode
        ?? (drugClass == DrugClass.Substitution ? DistributionMode.Supervised : DistributionMode.Daily);

    public void Set(DrugClass drugClass, DistributionMode mode)
    {
        if (!Enum.IsDefined(drugClass) || !Enum.IsDefined(mode))
        {
            throw new DomainException("Classe de médicament ou mode de distribution inconnu.");
        }
        Modes = [.. Modes.Where(m => m.Class != drugClass), new ClassMode(drugClass, mode)];
    }

    public static string Label(DrugClass drugClass) => drugClass switch
    {
        DrugClass.Substitution => "Traitement de substitution aux opiacés",
        DrugClass.Benzodiazepine => "Benzodiazépines et hypnotiques",
        DrugClass.Antipsychotic => "Antipsychotiques",
        DrugClass.Antidepressant => "Antidépresseurs",
        DrugClass.MoodStabilizer => "Thymorégulateurs",
        _ => "Autres médicaments",
    };
}
