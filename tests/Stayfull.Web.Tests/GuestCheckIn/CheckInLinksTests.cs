using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Stayfull.Domain.CheckIn;
using Stayfull.Web.GuestCheckIn;

namespace Stayfull.Web.Tests.GuestCheckIn;

public sealed class CheckInLinksTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly EphemeralDataProtectionProvider _keys = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void AValidTokenReadsBackItsHotelAndReservation()
    {
        var ticket = new CheckInTicket(Guid.NewGuid(), Guid.NewGuid());
        var links = Links();

        Assert.Equal(ticket, links.Read(links.TokenFor(ticket, Now.AddDays(2))));
    }

    [Fact]
    public void AnExpiredTokenReadsAsNothing()
    {
        var links = Links();
        var token = links.TokenFor(new CheckInTicket(Guid.NewGuid(), Guid.NewGuid()), Now.AddHours(1));

        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(links.Read(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void GarbageReadsAsNothingWithoutThrowing(string token) => Assert.Null(Links().Read(token));

    [Fact]
    public void ATamperedTokenReadsAsNothing()
    {
        var links = Links();
        var token = links.TokenFor(new CheckInTicket(Guid.NewGuid(), Guid.NewGuid()), Now.AddDays(1));
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Null(links.Read(tampered));
    }

    [Fact]
    public void AnotherPurposesTokenOrAnotherKeyRingCannotOpenACheckIn()
    {
        var ticket = new CheckInTicket(Guid.NewGuid(), Guid.NewGuid());
        var foreign = _keys.CreateProtector("something else").ToTimeLimitedDataProtector()
            .Protect($"{ticket.HotelId:N}.{ticket.ReservationId:N}", Now.AddDays(1));
        var otherInstall = new CheckInLinks(new EphemeralDataProtectionProvider(), _time, Options.Create(new CheckInLinkOptions())).TokenFor(ticket, Now.AddDays(1));

        Assert.Null(Links().Read(foreign));
        Assert.Null(Links().Read(otherInstall));
    }

    [Fact]
    public void AReservationIdCannotBeSwappedIntoAnotherReservationsToken()
    {
        // The payload is encrypted and signed: the only way to another reservation is another token.
        var links = Links();
        var mine = links.TokenFor(new CheckInTicket(Guid.NewGuid(), Guid.NewGuid()), Now.AddDays(1));
        var theirs = links.TokenFor(new CheckInTicket(Guid.NewGuid(), Guid.NewGuid()), Now.AddDays(1));

        Assert.DoesNotContain(links.Read(mine)!.ReservationId.ToString("N"), mine, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(links.Read(mine), links.Read(theirs));
    }

    private CheckInLinks Links() => new(_keys, _time, Options.Create(new CheckInLinkOptions()));
}
