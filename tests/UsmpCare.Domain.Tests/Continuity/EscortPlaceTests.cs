using UsmpCare.Domain.Continuity;

namespace UsmpCare.Domain.Tests.Continuity;

/// <summary>P05, P32: a place the AP reads names an establishment, never a service, a specialty or a reason.</summary>
public sealed class EscortPlaceTests
{
    [Theory]
    [InlineData("CHU de Villeneuve")]
    [InlineData("UHSI de la Pitié-Salpêtrière")]
    [InlineData("Centre hospitalier de Villeneuve")]
    [InlineData("Tribunal judiciaire de Créteil")]
    public void An_establishment_is_a_place(string name) =>
        new EscortPlace(Guid.NewGuid(), PlaceKind.Hospital, name).Name.Should().Be(name);

    [Theory]
    [InlineData("CHU de Villeneuve, service de cardiologie", "cardio")]
    [InlineData("Hôpital Nord — IRM", "irm")]
    [InlineData("Clinique, consultation d'oncologie", "oncolog")]
    [InlineData("CHU, pôle psychiatrie", "psychiatr")]
    [InlineData("Centre de dialyse", "dialys")]
    public void A_name_with_a_service_a_specialty_or_a_medical_word_is_refused(string name, string word) =>
        new Func<EscortPlace>(() => new EscortPlace(Guid.NewGuid(), PlaceKind.Hospital, name)).Should().Throw<DomainException>()
            .Which.Message.Should().Contain(word).And.Contain("ne peut pas contenir");

    [Fact]
    public void An_appointment_goes_only_to_an_active_place_of_its_unit()
    {
        var unit = Guid.NewGuid();
        var place = new EscortPlace(unit, PlaceKind.Uhsi, "UHSI de Lyon");
        var now = DateTimeOffset.UtcNow;
        ExternalAppointment To(EscortPlace? p, Guid u) => new(Guid.NewGuid(), u, now.AddDays(1), p, 2, "motif", Guid.NewGuid(), "Dr Test", now);

        To(place, unit).PlaceId.Should().Be(place.Id);
        new Func<ExternalAppointment>(() => To(place, Guid.NewGuid())).Should().Throw<DomainException>();
        new Func<ExternalAppointment>(() => To(null, unit)).Should().Throw<DomainException>();
        place.Retire();
        new Func<ExternalAppointment>(() => To(place, unit)).Should().Throw<DomainException>();
    }
}
