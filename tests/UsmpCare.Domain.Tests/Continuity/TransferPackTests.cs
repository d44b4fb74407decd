using UsmpCare.Domain.Continuity;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Continuity;

public sealed class TransferPackTests
{
    private static TransferPack Pack(Guid? toUnit, string destination = " CP de Fresnes ") =>
        new(Guid.NewGuid(), Guid.NewGuid(), toUnit, toUnit is null ? null : Guid.NewGuid(), destination, [1], [2], Author, "Dr Coord", Monday);

    [Fact]
    public void A_pack_needs_its_destination()
    {
        var send = () => Pack(null, " ");

        send.Should().Throw<DomainException>();
        Pack(null).Destination.Should().Be("CP de Fresnes");
    }

    [Fact]
    public void The_receiving_unit_acknowledges_a_pack_once()
    {
        // P13, P21: the receipt closes the chain of custody of the confidential pack.
        var pack = Pack(Guid.NewGuid());
        pack.Acknowledge("Dr Accueil", Monday.AddDays(1));

        pack.AcknowledgedAt.Should().Be(Monday.AddDays(1));
        pack.AcknowledgedByName.Should().Be("Dr Accueil");
        pack.Invoking(p => p.Acknowledge("Dr Autre", Monday.AddDays(2))).Should().Throw<DomainException>();
        pack.AcknowledgedByName.Should().Be("Dr Accueil");
    }

    [Fact]
    public void A_pack_sent_outside_the_deployment_is_not_acknowledged_in_the_application()
    {
        var pack = Pack(null);

        pack.Invoking(p => p.Acknowledge("Dr", Monday)).Should().Throw<DomainException>().WithMessage("*hors de l'hôpital*");
        pack.AcknowledgedAt.Should().BeNull();
    }
}
