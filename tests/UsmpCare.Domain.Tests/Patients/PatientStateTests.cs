using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Tests.Patients;

/// <summary>#18: entities guard their invariants; a patient changes through named methods, never through a setter.</summary>
public sealed class PatientStateTests
{
    private static Patient New() =>
        new(Guid.NewGuid(), "123456", " Martin ", " Paul ", new DateOnly(1980, 5, 5), Sex.Male, new DateOnly(2026, 1, 1));

    [Fact]
    public void No_property_of_a_patient_is_publicly_settable()
    {
        typeof(Patient).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).Should().BeEmpty();
    }

    [Fact]
    public void Blank_values_are_no_values_and_an_ins_without_a_number_claims_no_status()
    {
        var patient = New();
        patient.FullName.Should().Be("MARTIN Paul");

        patient.SetIns("  ", InsStatus.Qualified);
        patient.Ins.Should().BeNull();
        patient.InsStatus.Should().Be(InsStatus.None);

        patient.PlaceIn(" B-214 ", " ");
        patient.Cell.Should().Be("B-214");
        patient.Wing.Should().BeNull();

        patient.SetAlerts([" Diabète ", "  "]);
        patient.Alerts.Should().Equal("Diabète");
    }

    [Fact]
    public void A_patient_who_leaves_is_no_longer_present_but_keeps_his_identity()
    {
        var patient = New();
        patient.IsPresent.Should().BeTrue();
        patient.MoveTo(PatientStatus.Released);
        patient.IsPresent.Should().BeFalse();
        patient.LastName.Should().Be("Martin");
    }
}
