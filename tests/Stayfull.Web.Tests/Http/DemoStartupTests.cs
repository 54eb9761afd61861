using System.Net;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Reservations;
using Stayfull.Web.Auth;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

public sealed class DemoStartupTests
{
    [Fact]
    public async Task StartingWithDemoDataSeedsAWholeHotel()
    {
        await using var app = new StayfullApplication(seedDemoData: true);
        Guid hotelId;
        await using (var platform = app.Services.GetRequiredService<StayfullDb>().ForPlatform())
        {
            hotelId = (await platform.Hotels.SingleAsync(h => h.Name == DemoHotel.Name)).Id;
        }

        await using var db = app.Db(hotelId);
        Assert.Equal(40, await db.Rooms.CountAsync());
        Assert.Equal(4, await db.RoomTypes.CountAsync());
        Assert.Equal(2, await db.RatePlans.CountAsync());
        var statuses = await db.Reservations.Select(r => r.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<ReservationStatus>().Order(), statuses.Order());
        Assert.True(await db.Guests.AnyAsync(g => g.Email == null) && await db.Guests.AnyAsync(g => g.Email != null), "guests with and without email");
        Assert.True(await db.Guests.AnyAsync(g => g.Phone == null) && await db.Guests.AnyAsync(g => g.Phone != null), "guests with and without phone");
        Assert.Equal(4, await db.Memberships.CountAsync());
    }

    [Fact]
    public async Task EachDemoAccountSignsInAndReachesItsHomePage()
    {
        await using var app = new StayfullApplication(seedDemoData: true);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText?.Trim('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var (email, role) in new[]
        {
            (DemoHotel.OwnerEmail, Domain.Tenancy.StaffRole.Owner),
            (DemoHotel.ManagerEmail, Domain.Tenancy.StaffRole.Manager),
            (DemoHotel.FrontDeskEmail, Domain.Tenancy.StaffRole.FrontDesk),
            (DemoHotel.HousekeepingEmail, Domain.Tenancy.StaffRole.Housekeeping),
        })
        {
            using var client = app.CreateAnonymousClient();
            using var signIn = await client.PostLoginAsync(email, DemoHotel.Password);
            var home = AccountEndpoints.HomeOf(role);
            Assert.Equal(home, HttpAssert.RedirectTarget(signIn));

            using var page = await client.GetAsync(new Uri(home, UriKind.Relative));
            // A home page not mapped in this build answers the friendly 404; once mapped, it must open.
            var expected = pages.Contains(home) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(page.StatusCode == expected, $"{email} opening {home}: {(int)page.StatusCode}, expected {(int)expected}");
            if (expected == HttpStatusCode.OK)
            {
                Assert.Contains(email, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Contains("/", pages);
    }
}
