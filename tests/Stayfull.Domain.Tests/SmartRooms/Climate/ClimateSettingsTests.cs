using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;
using Stayfull.Tests.Support;

namespace Stayfull.Domain.Tests.SmartRooms.Climate;

public sealed class ClimateSettingsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly ClimateSettingsValues Valid = new(21m, 23.5m, 17m, 27m, 90, 0.8m);

    [Fact]
    public async Task AHotelThatNeverSavedItsOwnGetsSensibleDefaults()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var settings = await hotel.ActAs(StaffRole.FrontDesk).Get<ClimateSettingsService>().GetAsync(None);

        Assert.Equal(new ClimateSettingsValues(20m, 24m, 16m, 28m, 120, 0.5m), settings.Values);
        Assert.Equal(0, settings.Version);
        Assert.Empty(ClimateSettings.Validate(settings.Values));
    }

    [Fact]
    public async Task AManagerSavesTheSettingsAndTheChangeIsAudited()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var service = hotel.ActAs(StaffRole.Manager).Get<ClimateSettingsService>();

        await service.SaveAsync(0, Valid, None);
        var saved = await service.GetAsync(None);
        await service.SaveAsync(saved.Version, Valid with { EcoSavingKilowatts = 1.2m }, None);

        var reread = await service.GetAsync(None);
        Assert.Equal(Valid with { EcoSavingKilowatts = 1.2m }, reread.Values);
        Assert.Equal(TimeSpan.FromMinutes(90), reread.PreConditionLead);
        Assert.Equal(2, reread.Version);
        await using var db = hotel.Db();
        Assert.Equal(1, await db.ClimateSettings.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ClimateSettings) && a.Action == "Updated"));
    }

    [Fact]
    public async Task TheFrontDeskMayReadButNotChangeTheSettings()
    {
        await using var hotel = await TestHotel.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ForbiddenException>(() => hotel.ActAs(StaffRole.FrontDesk).Get<ClimateSettingsService>().SaveAsync(0, Valid, None));

        Assert.Contains("climate settings", refusal.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.False(await db.ClimateSettings.AnyAsync());
    }

    [Fact]
    public async Task SavingOverSomeoneElsesChangeIsRefused()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var service = hotel.ActAs(StaffRole.Manager).Get<ClimateSettingsService>();
        await service.SaveAsync(0, Valid, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SaveAsync(0, Valid with { PreConditionMinutes = 60 }, None));

        Assert.Equal(90, (await service.GetAsync(None)).PreConditionMinutes);
    }

    [Fact]
    public async Task ValuesThatMakeNoSenseAreRefusedWithEveryReasonAndNothingIsSaved()
    {
        await using var hotel = await TestHotel.CreateAsync();
        var service = hotel.ActAs(StaffRole.Manager).Get<ClimateSettingsService>();

        // Eco narrower than comfort on the heating side, comfort heating above cooling, a lead of 5 minutes, no kW.
        var refusal = await Assert.ThrowsAsync<ValidationException>(() => service.SaveAsync(0, new ClimateSettingsValues(24m, 22m, 25m, 30m, 5, 0m), None));

        Assert.Contains(nameof(ClimateSettingsValues.ComfortCoolingCelsius), refusal.Errors.Keys);
        Assert.Contains(nameof(ClimateSettingsValues.EcoHeatingCelsius), refusal.Errors.Keys);
        Assert.Contains(nameof(ClimateSettingsValues.PreConditionMinutes), refusal.Errors.Keys);
        Assert.Contains(nameof(ClimateSettingsValues.EcoSavingKilowatts), refusal.Errors.Keys);
        Assert.Contains("Eco heating must be at or below comfort heating", refusal.Message, StringComparison.Ordinal);
        await using var db = hotel.Db();
        Assert.False(await db.ClimateSettings.AnyAsync());
    }

    [Theory]
    [InlineData(4, 24, 3, 28, "between 5 °C and 35 °C")]
    [InlineData(20, 24, 16, 36, "between 5 °C and 35 °C")]
    [InlineData(20, 20.5, 16, 28, "at least 1 °C above")]
    [InlineData(20, 24, 16, 16.5, "at least 1 °C above")]
    [InlineData(20, 24, 16, 23, "Eco cooling must be at or above comfort cooling")]
    [InlineData(20, 24, 20, 24, "wider than the comfort band")]
    public void ImplausibleSetPointsAreExplained(double comfortHeating, double comfortCooling, double ecoHeating, double ecoCooling, string reason)
    {
        var errors = ClimateSettings.Validate(new((decimal)comfortHeating, (decimal)comfortCooling, (decimal)ecoHeating, (decimal)ecoCooling, 120, 0.5m));

        Assert.Contains(errors.Values.SelectMany(m => m), m => m.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(14, 0.5)]
    [InlineData(24 * 60 + 1, 0.5)]
    [InlineData(120, -1)]
    [InlineData(120, 10.5)]
    public void ALeadTimeOrPowerFigureOutOfRangeIsRefused(int minutes, double kilowatts)
    {
        var errors = ClimateSettings.Validate(new(20m, 24m, 16m, 28m, minutes, (decimal)kilowatts));

        Assert.Single(errors);
    }
}
