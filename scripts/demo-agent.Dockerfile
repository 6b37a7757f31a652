# The image the demo agents run in under the Docker runner (localhost/agentnexus-demo:1, see the agents table):
# busybox with the unprivileged user 1000 the runner starts them as. docker-compose.yml builds it on the engine
# the execution service uses; scripts/docker-api-engine.sh builds the same image for podman without a registry.
FROM docker.io/library/busybox:1.37
RUN echo 'agent:x:1000:1000:agent:/home/agent:/bin/sh' >> /etc/passwd \
    && echo 'agent:x:1000:' >> /etc/group \
    && mkdir -p /home/agent \
    && chown 1000:1000 /home/agent
CMD ["/bin/sh"]
