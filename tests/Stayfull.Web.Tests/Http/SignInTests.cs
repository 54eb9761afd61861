using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Auth;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>The sign-in form post, lockout, the open-redirect guard and switching hotels, over real HTTP.</summary>
public sealed class SignInTests
{
    private static readonly Uri Rooms = new("/api/rooms", UriKind.Relative);

    [Fact]
    public async Task TheRightPasswordSignsInAndRedirectsEachRoleToItsHome()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();

        foreach (var role in Enum.GetValues<StaffRole>())
        {
            using var client = app.CreateAnonymousClient();
            using var response = await client.PostLoginAsync(hotel.Emails[role], StayfullApplication.Password);

            Assert.Equal(AccountEndpoints.HomeOf(role), HttpAssert.RedirectTarget(response));
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffClient.AuthCookie + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
            Assert.True(client.HasAuthCookie);
            using var rooms = await client.GetAsync(Rooms);
            Assert.Equal(HttpStatusCode.OK, rooms.StatusCode);
        }

        Assert.Equal("/", AccountEndpoints.HomeOf(StaffRole.FrontDesk));
        Assert.Equal("/manager", AccountEndpoints.HomeOf(StaffRole.Manager));
        Assert.Equal("/housekeeping", AccountEndpoints.HomeOf(StaffRole.Housekeeping));
    }

    [Fact]
    public async Task AWrongPasswordReturnsToTheSignInPageWithAnErrorAndNoCookie()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var client = app.CreateAnonymousClient();

        using var wrong = await client.PostLoginAsync(hotel.Emails[StaffRole.FrontDesk], "not-the-password");
        using var unknown = await client.PostLoginAsync("nobody@hotel.test", StayfullApplication.Password);

        Assert.Equal("/account/login?error=invalid", HttpAssert.RedirectTarget(wrong));
        Assert.Equal("/account/login?error=invalid", HttpAssert.RedirectTarget(unknown));
        Assert.False(client.HasAuthCookie);
        Assert.Contains("That email and password do not match an account.", await client.GetStringAsync(wrong.Headers.Location), StringComparison.Ordinal);
        using var rooms = await client.GetAsync(Rooms);
        Assert.Equal(HttpStatusCode.Unauthorized, rooms.StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefused()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        var email = hotel.Emails[StaffRole.FrontDesk];
        using var client = app.CreateAnonymousClient();

        var answers = new List<string>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            using var failed = await client.PostLoginAsync(email, "wrong-" + attempt);
            answers.Add(HttpAssert.RedirectTarget(failed));
        }

        using var right = await client.PostLoginAsync(email, StayfullApplication.Password);

        Assert.All(answers.Take(7), a => Assert.Equal("/account/login?error=invalid", a));
        Assert.Equal("/account/login?error=locked", answers[^1]);
        Assert.Equal("/account/login?error=locked", HttpAssert.RedirectTarget(right));
        Assert.False(client.HasAuthCookie);
        Assert.Contains("Too many failed attempts", await client.GetStringAsync(right.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountWithoutAHotelIsToldSoAndNotSignedIn()
    {
        await using var app = new StayfullApplication();
        var user = await app.CreateUserAsync("drifter@hotel.test");
        using var client = app.CreateAnonymousClient();

        using var response = await client.PostLoginAsync(user.Email!, StayfullApplication.Password);

        Assert.Equal("/account/login?error=nohotel", HttpAssert.RedirectTarget(response));
        Assert.False(client.HasAuthCookie);
        Assert.Contains("not part of any hotel yet", await client.GetStringAsync(response.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnUrlToAnotherHostIsIgnoredAndALocalOneIsFollowed()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        var email = hotel.Emails[StaffRole.FrontDesk];
        string[] foreign = ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example/steal", "http:evil.example", " //evil.example"];

        foreach (var returnUrl in foreign)
        {
            using var client = app.CreateAnonymousClient();
            using var response = await client.PostLoginAsync(email, StayfullApplication.Password, returnUrl);
            Assert.True(HttpAssert.RedirectTarget(response) == "/", $"returnUrl '{returnUrl}' led to {response.Headers.Location}");
        }

        using var local = app.CreateAnonymousClient();
        using var followed = await local.PostLoginAsync(email, StayfullApplication.Password, "/reservations?arrival=today");
        Assert.Equal("/reservations?arrival=today", HttpAssert.RedirectTarget(followed));

        using var refusedClient = app.CreateAnonymousClient();
        using var refused = await refusedClient.PostLoginAsync(email, "wrong", "https://evil.example/steal");
        Assert.Equal("/account/login?error=invalid", HttpAssert.RedirectTarget(refused));
    }

    [Fact]
    public async Task SwitchingToAnotherHotelOfTheUserWorksInThatHotelWithThatRole()
    {
        await using var app = new StayfullApplication();
        var first = await app.CreateHotelAsync("Alpha Inn");
        var second = await app.CreateHotelAsync("Beta Lodge");
        var email = first.Emails[StaffRole.FrontDesk];
        await GrantAsync(app, second, email, StaffRole.Manager);
        using var client = await app.SignInAsync(email);
        Assert.Equal(first.Rooms.Select(r => r.Id).Order(), await RoomIdsAsync(client));

        using var switched = await client.PostFormWithTokenAsync("/account/switch-hotel", new Dictionary<string, string> { ["hotelId"] = second.HotelId.ToString() });

        Assert.Equal("/manager", HttpAssert.RedirectTarget(switched));
        Assert.Equal(second.Rooms.Select(r => r.Id).Order(), await RoomIdsAsync(client));
        using var kpis = await client.GetAsync(new Uri("/api/kpis?from=2026-01-01&to=2026-01-08", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, kpis.StatusCode);
    }

    [Fact]
    public async Task SwitchingToAHotelTheUserDoesNotBelongToIsNotFoundAndKeepsTheCurrentHotel()
    {
        await using var app = new StayfullApplication();
        var mine = await app.CreateHotelAsync("Alpha Inn");
        var theirs = await app.CreateHotelAsync("Beta Lodge");
        using var client = await app.SignInAsync(mine, StaffRole.Owner);

        using var refused = await client.PostFormWithTokenAsync("/account/switch-hotel", new Dictionary<string, string> { ["hotelId"] = theirs.HotelId.ToString() });
        using var missing = await client.PostFormWithTokenAsync("/account/switch-hotel", new Dictionary<string, string> { ["hotelId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(StaffClient.AuthCookie, StringComparison.Ordinal)));
        Assert.Equal(mine.Rooms.Select(r => r.Id).Order(), await RoomIdsAsync(client));
    }

    private static async Task GrantAsync(StayfullApplication app, TestTenant hotel, string email, StaffRole role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No account {email}.");
        await app.As<StaffDirectory>(hotel).GrantAsync(user.Id, role, CancellationToken.None);
    }

    private static async Task<IEnumerable<Guid>> RoomIdsAsync(HttpClient client)
    {
        var rooms = await HttpAssert.JsonAsync(await client.GetAsync(Rooms));
        return rooms.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Order().ToList();
    }
}
