using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Tenancy;
using Stayfull.Web.Tests.Http.Harness;

namespace Stayfull.Web.Tests.Http;

/// <summary>People get the friendly pages; API and hub clients get status codes with problem details.</summary>
public sealed class ErrorAnswerTests
{
    [Fact]
    public async Task AnUnknownPageShowsTheFriendlyNotFoundPageWithStatus404()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var response = await desk.GetAsync(new Uri($"/no-such-page/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApiRouteIsANotFoundProblemNotAPage()
    {
        await using var app = new StayfullApplication();
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var response = await desk.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnAnonymousHubCallIsAnUnauthorizedProblemNotTheSignInPage()
    {
        await using var app = new StayfullApplication();
        using var anonymous = app.CreateAnonymousClient();

        using var response = await anonymous.PostAsync(new Uri("/hubs/hotel/negotiate?negotiateVersion=1", UriKind.Relative), null);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUnexpectedApiFailureIsAServerErrorProblemThatKeepsItsDetailsToItself()
    {
        await using var app = new StayfullApplication(
            environment: "Production",
            configureServices: services => services.AddScoped<ICurrentStaff, BrokenStaffLookup>());
        var hotel = await app.CreateHotelAsync();
        using var desk = await app.SignInAsync(hotel, StaffRole.FrontDesk);

        using var api = await desk.GetAsync(new Uri("/api/rooms", UriKind.Relative));

        var problem = await HttpAssert.ProblemAsync(api, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(BrokenStaffLookup.Secret, problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Fails every domain call with an exception no handler knows, as a bug would.</summary>
    private sealed class BrokenStaffLookup : ICurrentStaff
    {
        public const string Secret = "connection-string-with-password";

        public ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Secret);
    }
}
