using Microsoft.Extensions.DependencyInjection;
using Stayfull.Domain.Live;
using Stayfull.Web.Live;

namespace Stayfull.Web.Tests.Live;

public sealed class HotelChangeNotifierTests
{
    /// <summary>A console still reloading must not hold back the other consoles of the hotel.</summary>
    [Fact]
    public async Task EveryOpenScreenIsToldWhileAnotherIsStillBusyWithTheChange()
    {
        await using var services = NotifierServices();
        var notifier = services.GetRequiredService<HotelChangeNotifier>();
        var hotelId = Guid.NewGuid();
        var secondScreenTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstScreenSawTheSecond = false;
        using var first = notifier.Subscribe(hotelId, async _ =>
        {
            // Finishes only once the other screen has been told, which it can only be if it is not waiting for this one.
            var told = await Task.WhenAny(secondScreenTold.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            firstScreenSawTheSecond = told == secondScreenTold.Task;
        });
        using var second = notifier.Subscribe(hotelId, _ =>
        {
            secondScreenTold.TrySetResult();
            return Task.CompletedTask;
        });

        await notifier.PublishAsync(HotelChange.LockStatusChanged(hotelId, Guid.NewGuid(), "Room 101 unlocked"));

        Assert.True(firstScreenSawTheSecond);
    }

    [Fact]
    public async Task AFailingScreenDoesNotStopTheOthersAndOtherHotelsAreNotTold()
    {
        await using var services = NotifierServices();
        var notifier = services.GetRequiredService<HotelChangeNotifier>();
        var hotelId = Guid.NewGuid();
        var told = new List<string>();
        using var broken = notifier.Subscribe(hotelId, _ => throw new InvalidOperationException("render failed"));
        using var working = notifier.Subscribe(hotelId, change =>
        {
            told.Add(change.Summary);
            return Task.CompletedTask;
        });
        using var otherHotel = notifier.Subscribe(Guid.NewGuid(), change =>
        {
            told.Add("other hotel: " + change.Summary);
            return Task.CompletedTask;
        });

        await notifier.PublishAsync(HotelChange.LockStatusChanged(hotelId, Guid.NewGuid(), "Room 101 unlocked"));

        Assert.Equal(["Room 101 unlocked"], told);
    }

    private static ServiceProvider NotifierServices()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSignalR();
        services.AddSingleton<HotelChangeNotifier>();
        return services.BuildServiceProvider();
    }
}
