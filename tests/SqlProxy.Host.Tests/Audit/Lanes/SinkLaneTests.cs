namespace SqlProxy.Host.Tests.Audit.Lanes;

/// <summary>
/// A sink's lane holds records, not batches, in memory: a burst of small batches while the sink is briefly slow is
/// written from memory in one call instead of spilled; a sink that fails, or is behind by more than the bound, still
/// spills and gets every record back in order.
/// </summary>
public sealed class SinkLaneTests
{
    [Fact]
    public async Task Many_small_batches_offered_while_a_healthy_sink_is_briefly_slow_are_not_spilled()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 10_000);

        await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 300; i++) await rig.Lane.OfferAsync(rig.Batch(1 + (i % 3)), CancellationToken.None);
        Assert.Equal(0, rig.SpillFiles);
        rig.Sink.Open();
        await rig.StopAsync();

        Assert.Equal(rig.Made, rig.Sink.Stored);
        Assert.Equal(0, rig.SpillFiles);
        Assert.Equal(0, await rig.MetricAsync("sqlproxy_audit_spilled_total"));
        Assert.Equal(rig.Made.Count, await rig.MetricAsync("sqlproxy_audit_written_total"));
    }

    [Fact]
    public async Task Batches_queued_while_the_sink_writes_reach_it_in_one_call_in_order()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 10_000);

        await rig.Lane.OfferAsync(rig.Batch(2), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 10; i++) await rig.Lane.OfferAsync(rig.Batch(3), CancellationToken.None);
        rig.Sink.Open();
        await rig.StopAsync();

        Assert.Equal([2, 30], rig.Sink.Calls.Select(c => c.Count));
        Assert.Equal(rig.Made, rig.Sink.Stored);
    }

    [Fact]
    public async Task One_call_takes_whole_batches_up_to_the_cap()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 10_000, maxRecordsPerWrite: 5);

        await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 5; i++) await rig.Lane.OfferAsync(rig.Batch(2), CancellationToken.None);
        await rig.Lane.OfferAsync(rig.Batch(7), CancellationToken.None);
        rig.Sink.Open();
        await rig.StopAsync();

        Assert.Equal([1, 4, 4, 2, 7], rig.Sink.Calls.Select(c => c.Count));
        Assert.Equal(rig.Made, rig.Sink.Stored);
    }

    [Fact]
    public async Task A_sink_behind_by_more_than_the_record_bound_spills_and_gets_every_record_in_order()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 8);

        await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 20; i++) await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);

        Assert.Equal(12, await rig.MetricAsync("sqlproxy_audit_spilled_total"));
        Assert.Equal(12, rig.SpillFiles);
        rig.Sink.Open();
        await LaneRig.WaitUntilAsync(() => rig.Sink.Stored.Count == rig.Made.Count);
        await rig.StopAsync();

        Assert.Equal(rig.Made, rig.Sink.Stored);
        Assert.Equal(0, rig.SpillFiles);
        Assert.Equal(12, await rig.MetricAsync("sqlproxy_audit_replayed_total"));
    }

    [Fact]
    public async Task A_failing_sink_spills_the_gathered_records_behind_the_failed_ones_and_gets_them_all_in_order_when_it_recovers()
    {
        await using var rig = new LaneRig(new GatedSink(open: false) { Failing = true }, queuedRecords: 10_000, attemptsBeforeSpill: 2);

        await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 5; i++) await rig.Lane.OfferAsync(rig.Batch(2), CancellationToken.None);
        rig.Sink.Open();
        await LaneRig.WaitUntilAsync(() => rig.Lane.SpilledBatches >= 2);
        Assert.Equal(2, rig.Lane.SpilledBatches); // the failed record, then the ten queued behind it in one file
        for (var i = 0; i < 3; i++) await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        Assert.Equal(5, rig.SpillFiles);

        rig.Sink.Failing = false;
        await LaneRig.WaitUntilAsync(() => rig.Sink.Stored.Count == rig.Made.Count);
        await rig.StopAsync();

        Assert.Equal(rig.Made, rig.Sink.Stored);
        Assert.Equal(0, rig.SpillFiles);
        Assert.Equal(rig.Made.Count, await rig.MetricAsync("sqlproxy_audit_replayed_total"));
    }

    [Fact]
    public async Task When_the_disk_refuses_the_spill_an_offer_past_the_bound_waits_for_room_and_nothing_is_lost()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 2);
        Directory.CreateDirectory(Path.GetDirectoryName(rig.SpillPath)!);
        await File.WriteAllTextAsync(rig.SpillPath, "in the way");

        await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        await rig.Lane.OfferAsync(rig.Batch(2), CancellationToken.None);
        var waiting = rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        rig.Sink.Open();
        await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        await rig.StopAsync();

        Assert.Equal(rig.Made, rig.Sink.Stored);
        File.Delete(rig.SpillPath);
    }

    [Fact]
    public async Task At_the_stop_timeout_the_records_in_hand_and_those_queued_are_spilled_in_order()
    {
        await using var rig = new LaneRig(new GatedSink(open: false), queuedRecords: 10_000);

        await rig.Lane.OfferAsync(rig.Batch(2), CancellationToken.None);
        await LaneRig.WaitUntilAsync(() => rig.Sink.Calls.Count == 1);
        for (var i = 0; i < 3; i++) await rig.Lane.OfferAsync(rig.Batch(1), CancellationToken.None);
        await rig.AbandonAsync();

        Assert.Empty(rig.Sink.Stored);
        Assert.Equal(rig.Made, rig.SpilledIds());
    }
}
