namespace UsmpCare.Domain.Treatments;

/// <summary>
/// A medicinal product (« spécialité ») of the ANSM's public drug database (BDPM), identified by its CIS code. The
/// referential is reference data, replaced by each import (upsert by CIS): a prescription keeps its own copy of the
/// name and substances it was written with, so a later import never rewrites what was prescribed.
/// </summary>
public sealed class Drug
{
    /// <summary>
    /// Real CIS codes are eight digits starting with 6; the demo referential uses 99xxxxxx (and CIP13 codes
    /// 99999990xxxxx) so that a demo code can never be mistaken for, nor collide with, a real one.
    /// </summary>
    public const string DemoCisPrefix = "99";

    private Drug()
    {
        Cis = Name = Form = Routes = AuthorizationStatus = MarketingStatus = SearchText = "";
    }

    public Drug(string cis) : this()
    {
        if (cis.Length != 8 || !cis.All(char.IsAsciiDigit))
        {
            throw new DomainException($"Code CIS « {cis} » invalide : huit chiffres attendus.");
        }
        Cis = cis;
    }

    public string Cis { get; private set; }
    public string Name { get; private set; }
    public string Form { get; private set; }

    /// <summary>Routes of administration, « ; »-separated as in the BDPM (« orale;rectale »).</summary>
    public string Routes { get; private set; }

    public string AuthorizationStatus { get; private set; }
    public string MarketingStatus { get; private set; }
    public List<DrugSubstance> Substances { get; private set; } = [];
    public List<DrugPresentation> Presentations { get; private set; } = [];

    /// <summary>Lower-cased, unaccented name and substances, for the trigram search (same shape as the searched term).</summary>
    public string SearchText { get; private set; }

    public bool IsDemo => Cis.StartsWith(DemoCisPrefix, StringComparison.Ordinal);

    /// <summary>The name as shown to clinicians: a demo product says so wherever it appears.</summary>
    public string Label => IsDemo ? $"{Name} (code de démonstration)" : Name;

    /// <summary>Active substances (SA lines), without repeats: what allergy and duplicate checks compare.</summary>
    public IEnumerable<DrugSubstance> ActiveSubstances =>
        Substances.Where(s => s.Nature == "SA").DistinctBy(s => s.Code);

    /// <summary>Sets what an import read; false when nothing differs, so a re-import rewrites no row.</summary>
    public bool Update(string name, string form, string routes, string authorizationStatus, string marketingStatus,
        IReadOnlyList<DrugSubstance> substances, IReadOnlyList<DrugPresentation> presentations, string searchText)
    {
        if (Name == name && Form == form && Routes == routes && AuthorizationStatus == authorizationStatus
            && MarketingStatus == marketingStatus && SearchText == searchText
            && Substances.Select(s => s.Key).SequenceEqual(substances.Select(s => s.Key))
            && Presentations.Select(p => p.Key).SequenceEqual(presentations.Select(p => p.Key)))
        {
            return false;
        }
        Name = name;
        Form = form;
        Routes = routes;
        AuthorizationStatus = authorizationStatus;
        MarketingStatus = marketingStatus;
        Substances = [.. substances];
        Presentations = [.. presentations];
        SearchText = searchText;
        return true;
    }
}

/// <summary>A line of CIS_COMPO_bdpm: one substance of one element of the product, with its dosage.</summary>
public sealed class DrugSubstance
{
    private DrugSubstance()
    {
        Code = Name = Dosage = Reference = Nature = "";
    }

    public DrugSubstance(string code, string name, string dosage, string reference, string nature)
    {
        Code = code;
        Name = name;
        Dosage = dosage;
        Reference = reference;
        Nature = nature;
    }

    /// <summary>The BDPM's substance code: the same substance under every product and name.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Dosage { get; private set; }
    public string Reference { get; private set; }

    /// <summary>« SA » active substance, « FT » therapeutic fraction (e.g. the base of a salt).</summary>
    public string Nature { get; private set; }

    internal (string, string, string, string, string) Key => (Code, Name, Dosage, Reference, Nature);
}

/// <summary>A line of CIS_CIP_bdpm: a box of the product, with its CIP codes.</summary>
public sealed class DrugPresentation
{
    private DrugPresentation()
    {
        Cip7 = Cip13 = Label = "";
    }

    public DrugPresentation(string cip7, string cip13, string label)
    {
        Cip7 = cip7;
        Cip13 = cip13;
        Label = label;
    }

    public string Cip7 { get; private set; }
    public string Cip13 { get; private set; }
    public string Label { get; private set; }

    internal (string, string, string) Key => (Cip7, Cip13, Label);
}
