using Hl7.Fhir.Model;

namespace UsmpCare.Web.Interop;

/// <summary>
/// The International Patient Summary (HL7 IPS, hl7.fhir.uv.ips) as far as we can hold to it offline: every resource
/// claims its IPS profile, and <see cref="Violations"/> checks by code the IPS rules a base-R4 validation does not see
/// (the IPS packages are not reachable from the units' network, so the profiles themselves are not validated here).
/// </summary>
public static class FhirIps
{
    private const string Base = "http://hl7.org/fhir/uv/ips/StructureDefinition/";
    public const string BundleProfile = Base + "Bundle-uv-ips";
    public const string CompositionProfile = Base + "Composition-uv-ips";

    /// <summary>LOINC « Patient summary Document ».</summary>
    public const string SummaryDocument = "60591-5";
    public const string ProblemsSection = "11450-4";
    public const string AllergiesSection = "48765-2";
    public const string MedicationsSection = "10160-0";
    public const string ImmunizationsSection = "11369-6";
    public const string ResultsSection = "30954-2";

    /// <summary>The three sections the IPS requires, with the resources each may list.</summary>
    private static readonly (string Code, string Title, Type[] Kinds)[] Required =
    [
        (ProblemsSection, "problèmes", [typeof(Condition)]),
        (AllergiesSection, "allergies", [typeof(AllergyIntolerance)]),
        (MedicationsSection, "traitements", [typeof(MedicationStatement), typeof(MedicationRequest)]),
    ];

    public static string? ProfileOf(Resource resource) => resource switch
    {
        Composition => CompositionProfile,
        Hl7.Fhir.Model.Patient => Base + "Patient-uv-ips",
        Organization => Base + "Organization-uv-ips",
        Condition => Base + "Condition-uv-ips",
        AllergyIntolerance => Base + "AllergyIntolerance-uv-ips",
        MedicationRequest => Base + "MedicationRequest-uv-ips",
        MedicationStatement => Base + "MedicationStatement-uv-ips",
        Immunization => Base + "Immunization-uv-ips",
        Observation => Base + "Observation-results-uv-ips",
        _ => null,
    };

    /// <summary>
    /// What breaks the IPS in <paramref name="bundle"/>: a document starting with an IPS Composition; the problems,
    /// allergies and medications sections present, each with entries of its kinds or a reason for being empty; a
    /// narrative in every section; every problem coded in CIM-10, every allergy and medicine coded or named, every
    /// vaccine coded; every profile claimed. Empty when it holds.
    /// </summary>
    public static IReadOnlyList<string> Violations(Bundle bundle)
    {
        var problems = new List<string>();
        if (bundle.Type != Bundle.BundleType.Document || bundle.Identifier is null || bundle.Timestamp is null)
        {
            problems.Add("the bundle is not a document with an identifier and a timestamp");
        }
        if (bundle.Entry.FirstOrDefault()?.Resource is not Composition composition
            || composition.Type?.Coding.Any(c => c.System == FhirSummary.Loinc && c.Code == SummaryDocument) != true)
        {
            return [.. problems, "the first entry is not a patient summary Composition"];
        }
        var byUrl = bundle.Entry.Where(e => e.FullUrl is not null).ToDictionary(e => e.FullUrl!, e => e.Resource);
        if (composition.Attester.Count == 0 || composition.Attester.Any(a => a.Mode is null || a.Party?.Reference is null))
        {
            problems.Add("the Composition has no attester");
        }
        foreach (var (code, title, kinds) in Required)
        {
            var section = composition.Section.FirstOrDefault(s => s.Code?.Coding.Any(c => c.System == FhirSummary.Loinc && c.Code == code) == true);
            if (section is null)
            {
                problems.Add($"the {title} section ({code}) is missing");
            }
            else if (section.Entry.Count == 0 && section.EmptyReason is null)
            {
                problems.Add($"the {title} section is empty without a reason");
            }
            else if (section.Entry.Any(r => r.Reference is null || !byUrl.TryGetValue(r.Reference, out var target) || target is null || !kinds.Contains(target.GetType())))
            {
                problems.Add($"the {title} section lists what is not one of {string.Join(", ", kinds.Select(k => k.Name))}");
            }
        }
        problems.AddRange(composition.Section.Where(s => string.IsNullOrWhiteSpace(s.Text?.Div)).Select(s => $"the section « {s.Title} » has no narrative"));
        foreach (var resource in bundle.Entry.Select(e => e.Resource).OfType<Resource>())
        {
            if (ProfileOf(resource) is { } profile && resource.Meta?.Profile.Contains(profile) != true)
            {
                problems.Add($"{resource.TypeName}/{resource.Id} does not claim {profile}");
            }
            if (Uncoded(resource) is { } why)
            {
                problems.Add($"{resource.TypeName}/{resource.Id}: {why}");
            }
        }
        return problems;
    }

    private static string? Uncoded(Resource resource) => resource switch
    {
        Condition c when c.Code?.Coding.Any(x => x.System == FhirSummary.Icd10 && !string.IsNullOrEmpty(x.Code)) != true => "a problem not coded in CIM-10",
        AllergyIntolerance a when !Named(a.Code) => "an allergy neither coded nor named",
        MedicationRequest { Medication: CodeableConcept m } when !Named(m) => "a medicine neither coded nor named",
        MedicationStatement { Medication: CodeableConcept m } when !Named(m) => "a medicine neither coded nor named",
        Immunization i when i.VaccineCode?.Coding.Any(x => x.System == FhirClinical.Atc) != true => "a vaccine not coded in ATC",
        Observation o when o.Value is null || o.Code is null => "a result without its value",
        _ => null,
    };

    private static bool Named(CodeableConcept? concept) =>
        concept is not null && (concept.Coding.Any(c => !string.IsNullOrEmpty(c.System) && !string.IsNullOrEmpty(c.Code))
                                || !string.IsNullOrWhiteSpace(concept.Text));
}
