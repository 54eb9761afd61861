using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Common;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Tests.Components.Account;

/// <summary>Sign-up and staff accounts over a real SQLite database, Identity's EF stores and the app's own auth registration.</summary>
public sealed class SignUpServiceTests : IAsyncLifetime
{
    private IdentityTestServices _identity = default!;

    private ServiceProvider Services => _identity.Services;

    private TestStaff Staff => _identity.Staff;

    public async Task InitializeAsync() => _identity = await IdentityTestServices.CreateAsync();

    [Fact]
    public async Task SignUpCreatesTheHotelWithItsRoomsAndMakesTheNewAccountItsOwner()
    {
        await using var scope = Services.CreateAsyncScope();

        var hotel = await scope.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(Request("ada@example.com"), CancellationToken.None);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var owner = await users.FindByEmailAsync("ada@example.com");
        Assert.NotNull(owner);
        Assert.Equal("Ada Lovelace", owner.DisplayName);
        Assert.True(await users.CheckPasswordAsync(owner, "Harbour!2345"));
        var access = Assert.Single(await scope.ServiceProvider.GetRequiredService<StaffDirectory>().HotelsOfAsync(owner.Id, CancellationToken.None));
        Assert.Equal((hotel.Id, "Casa Azul", StaffRole.Owner), (access.HotelId, access.HotelName, access.Role));
        await using var db = _identity.ForHotel(hotel.Id);
        Assert.Equal(12, await db.Rooms.CountAsync());
        Assert.Equal(["BAR", "NRF"], await db.RatePlans.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        Assert.Equal(12000, (await db.RoomTypes.SingleAsync(t => t.Code == "DBL")).BaseRateMinor);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedInWordsAndNothingIsCreated()
    {
        await using var scope = Services.CreateAsyncScope();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(Request("weak@example.com") with { Password = "short" }, CancellationToken.None));

        Assert.Contains(refusal.Errors["password"], m => m.Contains("at least 8 characters", StringComparison.Ordinal));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("weak@example.com"));
        await using var db = _identity.Platform();
        Assert.False(await db.Hotels.AnyAsync());
    }

    [Fact]
    public async Task WhenTheHotelCannotBeCreatedTheNewAccountIsDeletedAgain()
    {
        await using var scope = Services.CreateAsyncScope();
        var request = Request("grace@example.com");
        var broken = request with { Hotel = request.Hotel with { RoomTypes = [new RoomTypeSpec("DBL", "Double", 2, 12000, "110-101")] } };

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(broken, CancellationToken.None));

        Assert.True(refusal.Errors.ContainsKey("roomNumbers"));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("grace@example.com"));
        await using var db = _identity.Platform();
        Assert.False(await db.Hotels.AnyAsync());
    }

    [Fact]
    public async Task ASecondSignUpWithTheSameEmailIsRefused()
    {
        await using (var first = Services.CreateAsyncScope())
        {
            await first.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(Request("twice@example.com"), CancellationToken.None);
        }

        await using var scope = Services.CreateAsyncScope();
        var refusal = await Assert.ThrowsAsync<ValidationException>(() =>
            scope.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(Request("twice@example.com"), CancellationToken.None));

        Assert.Contains(refusal.Errors["email"], m => m.Contains("already exists", StringComparison.Ordinal));
        await using var db = _identity.Platform();
        Assert.Equal(1, await db.Hotels.CountAsync());
    }

    [Fact]
    public async Task AnOwnerAddingSomeoneNewOpensAnAccountWhoseInitialPasswordSignsIn()
    {
        var hotel = await SignUpOwnerAsync("owner@example.com");
        await using var scope = Services.CreateAsyncScope();

        var added = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("desk@example.com", "Dina Desk", StaffRole.FrontDesk, CancellationToken.None);

        Assert.True(added.Created);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var account = await users.FindByEmailAsync("desk@example.com");
        Assert.NotNull(account);
        Assert.True(await users.CheckPasswordAsync(account, added.InitialPassword!));
        var member = Assert.Single(await scope.ServiceProvider.GetRequiredService<StaffDirectory>().HotelsOfAsync(account.Id, CancellationToken.None));
        Assert.Equal((hotel.Id, StaffRole.FrontDesk), (member.HotelId, member.Role));
    }

    [Fact]
    public async Task AddingSomeoneWithAnAccountGivesThemTheRoleWithoutANewPassword()
    {
        await SignUpOwnerAsync("other-owner@example.com");
        var hotel = await SignUpOwnerAsync("owner@example.com");
        await using var scope = Services.CreateAsyncScope();

        var added = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("other-owner@example.com", "", StaffRole.Manager, CancellationToken.None);

        Assert.False(added.Created);
        Assert.Null(added.InitialPassword);
        var members = await scope.ServiceProvider.GetRequiredService<StaffDirectory>().MembersAsync(CancellationToken.None);
        Assert.Contains(members, m => m.Email == "other-owner@example.com" && m.Role == StaffRole.Manager);
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("other-owner@example.com");
        Assert.Contains(await scope.ServiceProvider.GetRequiredService<StaffDirectory>().HotelsOfAsync(account!.Id, CancellationToken.None), h => h.HotelId == hotel.Id);
    }

    [Fact]
    public async Task AManagerCannotAddStaffAndNoAccountIsLeftBehind()
    {
        var hotel = await SignUpOwnerAsync("owner@example.com");
        Staff.Current = new StaffContext(hotel.Id, "someone", "Manager", StaffRole.Manager);
        await using var scope = Services.CreateAsyncScope();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync("new@example.com", "New Person", StaffRole.FrontDesk, CancellationToken.None));

        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("new@example.com"));
    }

    private async Task<Hotel> SignUpOwnerAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var hotel = await scope.ServiceProvider.GetRequiredService<SignUpService>().SignUpAsync(Request(email), CancellationToken.None);
        var owner = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
        Staff.Current = new StaffContext(hotel.Id, owner!.Id, owner.DisplayName, StaffRole.Owner);
        return hotel;
    }

    private static SignUpRequest Request(string email) => new(
        "Ada Lovelace",
        email,
        "Harbour!2345",
        new OnboardingRequest(
            "Casa Azul",
            "Europe/Lisbon",
            "EUR",
            new TimeOnly(15, 0),
            new TimeOnly(11, 0),
            new Address("Rua do Mar 1", "Lisboa", "1100-001", "PT"),
            [new RoomTypeSpec("DBL", "Double", 2, 12000, "101-110"), new RoomTypeSpec("STE", "Suite", 4, 30000, "201, 202")]));

    public async Task DisposeAsync() => await _identity.DisposeAsync();
}
