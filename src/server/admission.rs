//! Admission to the extraction workers, with load shedding: at most `concurrency` articles are
//! extracted at once and at most `max_queued` wait for a worker; an article beyond both is
//! refused at once (RESOURCE_EXHAUSTED) rather than queued without bound, so that memory and
//! latency stay bounded under overload and clients can back off or go to another replica.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The workers and the queue in front of them; clones share both.
#[derive(Clone, Debug)]
pub(crate) struct Admission {
    workers: Arc<Semaphore>,
    queue: Arc<Semaphore>,
    concurrency: usize,
    max_queued: usize,
}

/// No worker is free and the queue is full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Full {
    /// Articles extracted at once.
    pub concurrency: usize,
    /// Articles allowed to wait.
    pub max_queued: usize,
}

impl Admission {
    /// `concurrency` workers (at least one) and a queue of `max_queued` places (zero: no wait).
    pub(crate) fn new(concurrency: usize, max_queued: usize) -> Admission {
        let concurrency = concurrency.max(1);
        Admission {
            workers: Arc::new(Semaphore::new(concurrency)),
            queue: Arc::new(Semaphore::new(max_queued)),
            concurrency,
            max_queued,
        }
    }

    /// A worker for one article: at once when one is free, else after waiting in the queue when
    /// it has a place, else `Full`. Dropping the future while it waits gives its place back;
    /// dropping the permit frees the worker.
    pub(crate) async fn admit(&self) -> Result<OwnedSemaphorePermit, Full> {
        let full = Full {
            concurrency: self.concurrency,
            max_queued: self.max_queued,
        };
        if let Ok(worker) = self.workers.clone().try_acquire_owned() {
            return Ok(worker);
        }
        let _place = self.queue.clone().try_acquire_owned().map_err(|_| full)?;
        // The semaphores are never closed, so this only waits.
        self.workers.clone().acquire_owned().await.map_err(|_| full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sheds_beyond_the_workers_and_the_queue() {
        let admission = Admission::new(1, 1);
        let worker = admission.admit().await.unwrap();
        let waiting = tokio::spawn({
            let admission = admission.clone();
            async move { admission.admit().await.map(drop) }
        });
        // Wait until the second caller holds the only place in the queue.
        while admission.queue.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let full = Full {
            concurrency: 1,
            max_queued: 1,
        };
        assert_eq!(admission.admit().await.unwrap_err(), full);
        drop(worker);
        waiting.await.unwrap().unwrap();
        drop(admission.admit().await.unwrap());
    }

    #[tokio::test]
    async fn a_caller_that_gives_up_frees_its_place() {
        let admission = Admission::new(1, 1);
        let _worker = admission.admit().await.unwrap();
        let waiting = tokio::spawn({
            let admission = admission.clone();
            async move { admission.admit().await.map(drop) }
        });
        while admission.queue.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        waiting.abort();
        let _ = waiting.await;
        assert_eq!(admission.queue.available_permits(), 1);
    }

    #[tokio::test]
    async fn no_queue_means_no_wait() {
        let admission = Admission::new(2, 0);
        let _a = admission.admit().await.unwrap();
        let _b = admission.admit().await.unwrap();
        assert!(admission.admit().await.is_err());
    }
}
