using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using UsmpCare.Web.Interop;

namespace UsmpCare.Web.Tests.Interop;

/// <summary>
/// Every exported summary is checked twice: by Firely's validator against the base R4 specification (the
/// specification.zip of Hl7.Fhir.Specification.Data.R4, offline), and by <see cref="FhirIps.Violations"/> for the IPS
/// rules the IPS packages would check (they are not reachable offline).
/// </summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> R4 = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    /// <summary>The issues of error or fatal severity the validator reports on <paramref name="bundle"/>.</summary>
    public static List<string> Errors(Bundle bundle) =>
    [
        .. R4.Value.Validate(bundle).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            // The IPS profiles the resources claim are not in the R4 specification: that they cannot be resolved
            // offline is said in docs/interop.md, and FhirIps checks their rules by code.
            .Where(i => !(i.Details?.Text ?? "").Contains("hl7.org/fhir/uv/ips/", StringComparison.Ordinal))
            .Select(i => $"{string.Join(",", i.Location)} {i.Details?.Text ?? i.Diagnostics}"),
    ];

    /// <summary>Parses an exported summary and asserts 0 errors against R4 and no IPS violation.</summary>
    public static Bundle AssertValid(string json)
    {
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        Errors(bundle).Should().BeEmpty("the summary is valid FHIR R4");
        FhirIps.Violations(bundle).Should().BeEmpty("the summary holds to the IPS rules checked by code");
        return bundle;
    }
}
