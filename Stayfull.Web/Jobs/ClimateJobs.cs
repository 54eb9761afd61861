using Quartz;

namespace Stayfull.Web.Jobs;

internal static class ClimateJobs
{
    /// <summary>
    /// Pre-arrival comfort every 15 minutes (finer than the shortest lead time), and the vacant-room
    /// set-back every hour, so a room that goes unsold during the evening rests in eco within the hour.
    /// </summary>
    public static void AddClimateJobs(this IQuartzBuilder q)
    {
        q.AddJob<PreArrivalClimateJob>(j => j.WithIdentity(PreArrivalClimateJob.Key));
        q.AddTrigger(t => t
            .ForJob(PreArrivalClimateJob.Key)
            .WithIdentity("pre-arrival-climate-15min", "climate")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(15)).RepeatForever()));
        q.AddJob<VacantRoomSetBackJob>(j => j.WithIdentity(VacantRoomSetBackJob.Key));
        q.AddTrigger(t => t
            .ForJob(VacantRoomSetBackJob.Key)
            .WithIdentity("vacant-set-back-hourly", "climate")
            .StartAt(DateTimeOffset.UtcNow.AddMinutes(2))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
    }
}
