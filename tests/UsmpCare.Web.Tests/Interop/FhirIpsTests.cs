using Hl7.Fhir.Model;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Interop;

namespace UsmpCare.Web.Tests.Interop;

/// <summary>The checks every exported summary passes (FhirValidation) catch what they are meant to catch.</summary>
public sealed class FhirIpsTests
{
    private static Bundle Summary()
    {
        var unit = new Unit("IPS-T", "USMP de test", EstablishmentType.MA, "CH de test", "01 23 45 67 89", "1 rue du Test, 75000 Paris");
        var patient = new UsmpCare.Domain.Patients.Patient(unit.Id, "123456", "Martin", "Karim", new DateOnly(1985, 3, 2), Sex.Male,
            new DateOnly(2026, 11, 1));
        return FhirSummary.Build(new FhirSummaryInput(patient, unit, [], false, [], [], new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)));
    }

    private static Composition CompositionOf(Bundle bundle) => (Composition)bundle.Entry[0].Resource!;

    [Fact]
    public void A_summary_with_nothing_recorded_is_still_a_valid_ips_whose_empty_sections_say_why()
    {
        var bundle = Summary();

        FhirValidation.Errors(bundle).Should().BeEmpty();
        FhirIps.Violations(bundle).Should().BeEmpty();
        bundle.Entry.Select(e => e.Resource).OfType<AllergyIntolerance>().Single().Code!.Coding.Single().Code
            .Should().Be("no-allergy-info", "allergies not filled in are said so, never left out");
    }

    [Fact]
    public void The_ips_check_refuses_a_missing_required_section_a_section_without_narrative_an_uncoded_problem_and_no_attester()
    {
        var withoutMedications = Summary();
        CompositionOf(withoutMedications).Section.RemoveAll(s => s.Code!.Coding[0].Code == FhirIps.MedicationsSection);
        var withoutNarrative = Summary();
        CompositionOf(withoutNarrative).Section[1].Text = null;
        var unattested = Summary();
        CompositionOf(unattested).Attester.Clear();
        var uncoded = Summary();
        uncoded.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = new Condition { Code = new CodeableConcept { Text = "Hypertension" }, Meta = new Meta { Profile = [FhirIps.ProfileOf(new Condition())!] } },
        });
        var unclaimed = Summary();
        unclaimed.Entry[1].Resource!.Meta = null;

        FhirIps.Violations(withoutMedications).Should().ContainSingle().Which.Should().Contain("10160-0");
        FhirIps.Violations(withoutNarrative).Should().ContainSingle().Which.Should().Contain("narrative");
        FhirIps.Violations(unattested).Should().ContainSingle().Which.Should().Contain("attester");
        FhirIps.Violations(uncoded).Should().ContainSingle().Which.Should().Contain("CIM-10");
        FhirIps.Violations(unclaimed).Should().ContainSingle().Which.Should().Contain("Patient-uv-ips");
    }

    [Fact]
    public void The_r4_validator_reports_a_broken_resource_as_an_error()
    {
        var bundle = Summary();
        CompositionOf(bundle).Status = null;
        CompositionOf(bundle).Attester[0].Mode = null;

        FhirValidation.Errors(bundle).Should().HaveCountGreaterThanOrEqualTo(2, "status and attester.mode are required (1..1)");
    }
}
